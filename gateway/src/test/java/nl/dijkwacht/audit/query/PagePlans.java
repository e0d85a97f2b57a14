package nl.dijkwacht.audit.query;

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

/** The audit-log page's query plan on a filled chain, for the tests that check which index a page reads. */
final class PagePlans {

    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private PagePlans() {
    }

    /**
     * One chain of {@code records}: 12 departments, 300 staff, 4 use-cases; several records share a second (the id
     * breaks the tie).
     */
    static void fill(AuditDb db, AuditRows rows, int records) throws Exception {
        BulkChain.write(db, ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes()), rows, "main", records,
                seq -> Records.sample("t-" + seq, START.plusMillis(seq / 3 * 1000), "p-" + (seq * 7) % 300,
                        "afdeling-" + seq % 12, "uc-" + seq % 4, "allowed"));
    }

    /** The database's plan for the page after {@code after} (null: the first page) of 50 records, all its lines. */
    static String explain(AuditDb db, AuditFilter filter, PageCursor after) {
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
