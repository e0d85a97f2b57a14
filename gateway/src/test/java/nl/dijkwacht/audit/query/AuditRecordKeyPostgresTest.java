package nl.dijkwacht.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import nl.dijkwacht.audit.AuditDb;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL (V122): the audit record's primary key is (occurred_at, id) and serves the console's time order, so no
 * second index holds the same columns; the newest-first page and a deep page still read that index backwards and stop
 * after a page. Checked on the plan and the catalogue, not on a timing.
 */
class AuditRecordKeyPostgresTest {

    static final Instant START = PagePlans.START;
    static AuditDb db;

    @BeforeAll
    static void fill() throws Exception {
        db = AuditDb.postgres();
        AuditRows rows = new AuditRows(new ObjectMapper());
        PagePlans.fill(db, rows, 20_000);
        db.update("ANALYZE audit_record");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theKeyIsTheTimeOrderAndNoOtherIndexRepeatsIt() {
        assertThat(db.count("""
                SELECT COUNT(*) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname = current_schema() AND t.relname = 'audit_record' AND i.indisprimary
                   AND pg_get_indexdef(i.indexrelid) LIKE '%(occurred_at, id)'""")).isEqualTo(1);
        assertThat(db.count("""
                SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename LIKE 'audit_record%'
                   AND tablename <> 'audit_record_v1' AND indexdef LIKE '%(occurred_at, id)'""")).as("one index per table")
                .isEqualTo(db.count("""
                        SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'audit_record%'
                           AND tablename <> 'audit_record_v1'"""));
    }

    @Test
    void unfilteredPagesReadTheKeyBackwardsWithoutSorting() throws Exception {
        String first = plan(AuditFilter.none(), null);
        assertThat(first).contains("Index Scan Backward using").contains("_pkey").doesNotContain("Sort");
        String deep = plan(AuditFilter.none(), new PageCursor(START.plusSeconds(3000), 9000));
        assertThat(deep).contains("Index Scan Backward using").contains("_pkey").doesNotContain("Sort");
    }

    @Test
    void aSecondRowWithTheSameTimeAndIdIsRefused() {
        assertThatThrownBy(() -> db.update("""
                INSERT INTO audit_record (id, """ + AuditRows.COLUMNS + ") SELECT " + AuditRows.COLUMNS.replace("chain_id,", "id, chain_id,")
                + " FROM audit_record WHERE seq = 5")).hasMessageContaining("duplicate key");
    }

    private static String plan(AuditFilter filter, PageCursor after) {
        return PagePlans.explain(db, filter, after);
    }
}
