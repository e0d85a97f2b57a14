package nl.dijkwacht.audit.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.audit.AuditDb;
import org.junit.jupiter.api.Test;

/**
 * audit48: retention's look for the other choices' keys an older gateway left behind reads each chain's keys up to its
 * last checkpoint through V181's {@code (chain_id, seq)} index — before, one statement read the whole table once per
 * run. PostgreSQL's plan for the statement, on a table of 40,000 keys of which the checkpoint covers about 100.
 */
class ChoicesLeftBehindPlanTest {

    @Test
    void onPostgresqlTheKeysUpToTheLastCheckpointAreReadThroughTheIndex() throws SQLException {
        try (AuditDb db = AuditDb.postgres()) {
            db.update("INSERT INTO audit_choice_key (choice_key, seq, chain_id) SELECT s * 7919, s / 2, 'node-a'"
                    + " FROM generate_series(1, 40000) s");
            db.update("INSERT INTO audit_checkpoint (chain_id, from_seq, to_seq, prev_hash, last_hash, removed_count,"
                    + " first_occurred_at, last_occurred_at, run_id, chain_key_id, checkpoint_mac)"
                    + " VALUES ('node-a', 1, 50, 'p', 'l', 50, now(), now(), 1, 'k', 'm')");
            db.update("ANALYZE audit_choice_key");
            db.update("ANALYZE audit_checkpoint");
            List<String> plan = plan(db, RetentionJob.leftBehind("audit_choice_key"), "node-a", 50L);
            assertThat(String.join("\n", plan)).as("%s", plan)
                    .contains("audit_choice_key_record_idx")
                    .doesNotContain("Seq Scan on audit_choice_key");
        }
    }

    private static List<String> plan(AuditDb db, String sql, Object... params) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return lines;
    }
}
