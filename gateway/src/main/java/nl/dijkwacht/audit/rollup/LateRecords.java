package nl.dijkwacht.audit.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The daily roll-up's catch-up: records that reached the store after their day was rolled up (see {@link DailyUsageRollup}). */
final class LateRecords {

    private LateRecords() {
    }

    /**
     * One transaction: for every chain whose head moved past the seq the roll-up counted to, the records in between
     * that belong to a covered day are added to that day (as extra rows), and the chain's counted seq moves to its
     * head. A chain's records up to its head are all committed (they are written with the head), so nothing between
     * two runs is missed or counted twice.
     *
     * @return the records added to covered days
     */
    static long run(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<RollupCoverage> cov = RollupCoverage.read(c, true);
                Map<String, Long> counted = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT chain_id, counted_seq FROM audit_usage_rollup_chain");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counted.put(rs.getString(1), rs.getLong(2));
                    }
                }
                Map<String, Long> heads = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT chain_id, last_seq FROM audit_chain_head");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        heads.put(rs.getString(1), rs.getLong(2));
                    }
                }
                DayCounts late = new DayCounts();
                for (var head : heads.entrySet()) {
                    Long from = counted.get(head.getKey());
                    if (from != null && from >= head.getValue()) {
                        continue;
                    }
                    if (cov.isPresent()) {
                        // the chain's index alone (no time condition the planner could prefer); days outside the
                        // coverage are dropped here: they are counted when their day is rolled up, or from the records
                        late.collect(c, " FROM audit_record r WHERE r.chain_id = ? AND r.seq > ? AND r.seq <= ?",
                                List.of(head.getKey(), from == null ? 0L : from, head.getValue()), cov.get());
                    }
                    String sql = from == null
                            ? "INSERT INTO audit_usage_rollup_chain (counted_seq, chain_id) VALUES (?, ?)"
                            : "UPDATE audit_usage_rollup_chain SET counted_seq = ? WHERE chain_id = ?";
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setLong(1, head.getValue());
                        ps.setString(2, head.getKey());
                        ps.executeUpdate();
                    }
                }
                late.insert(c);
                if (heads.entrySet().stream().anyMatch(h -> counted.getOrDefault(h.getKey(), -1L) < h.getValue())) {
                    RollupGeneration.next(c);
                }
                c.commit();
                return late.records;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
