package nl.dijkwacht.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.audit.AuditDb;
import nl.dijkwacht.audit.BulkChain;
import nl.dijkwacht.audit.Records;
import nl.dijkwacht.audit.chain.ChainCodec;
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

    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    static AuditDb db;

    @BeforeAll
    static void fill() throws Exception {
        db = AuditDb.postgres();
        AuditRows rows = new AuditRows(new ObjectMapper());
        BulkChain.write(db, ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes()), rows, "main", 20_000,
                seq -> Records.sample("t-" + seq, START.plusMillis(seq / 3 * 1000), "p-" + (seq * 7) % 300,
                        "afdeling-" + seq % 12, "uc-" + seq % 4, "allowed"));
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

    private static String plan(AuditFilter filter, PageCursor after) throws Exception {
        List<Object> params = new ArrayList<>();
        String sql = AuditQueries.pageSql(filter, after, params);
        params.add(51);
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
