package nl.dijkwacht.audit.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Per chain, the seq after which its records are not in the daily roll-up (chains with none such are left out): given
 * by {@link DailyUsageRollup#consistently} to a query service's read, which adds those records to the roll-up's sums.
 */
public record UncountedRecords(List<String> chains, List<Long> after) {

    /** Reads them: every chain whose head is past the seq the roll-up counted to ({@code audit_usage_rollup_chain}). */
    static UncountedRecords read(DataSource dataSource) {
        List<String> chains = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT h.chain_id, COALESCE(w.counted_seq, 0) FROM audit_chain_head h"
                     + " LEFT JOIN audit_usage_rollup_chain w ON w.chain_id = h.chain_id WHERE h.last_seq > COALESCE(w.counted_seq, 0)");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                chains.add(rs.getString(1));
                after.add(rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the usage roll-up's counted records: " + e.getSQLState(), e);
        }
        return new UncountedRecords(chains, after);
    }

    /** True when every chain of {@code later} is listed here from the same seq on (nothing added unseen). */
    boolean holds(UncountedRecords later) {
        Map<String, Long> mine = new HashMap<>();
        for (int i = 0; i < chains.size(); i++) {
            mine.put(chains.get(i), after.get(i));
        }
        for (int i = 0; i < later.chains.size(); i++) {
            if (!later.after.get(i).equals(mine.get(later.chains.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code UNION ALL} branches, one per chain, selecting {@code select} from the chain's records after its
     * counted seq ({@code r}, found through the chain's index) that meet {@code conditions}; empty when every
     * record is counted.
     *
     * @param conditionParams the parameters of {@code conditions}, added to {@code params} for each branch
     */
    public String branches(String select, String conditions, List<Object> conditionParams, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < chains.size(); i++) {
            sql.append(" UNION ALL SELECT ").append(select).append(" FROM audit_record r WHERE r.chain_id = ? AND r.seq > ? AND ")
                    .append(conditions);
            params.add(chains.get(i));
            params.add(after.get(i));
            params.addAll(conditionParams);
        }
        return sql.toString();
    }
}
