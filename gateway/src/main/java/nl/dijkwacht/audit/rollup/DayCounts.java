package nl.dijkwacht.audit.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Grouped sums of records by day, for {@code audit_usage_day} and {@code audit_outcome_day}. */
final class DayCounts {

    /** The dimensions in the order of their columns in {@link #collect}'s statement. */
    private static final List<String> ORDER = List.of("model", "department", "use_case", "tool", "decision", "action");

    /** Sums for one group of one dimension: requests, refused, redacted, failed, prompt, completion; energy apart. */
    private static final class Sums {
        final long[] n = new long[6];
        double energy;
    }

    // key: day, dimension, tenant, endpoint, value (a list: values may be null)
    final Map<List<String>, Sums> usage = new HashMap<>();
    final Map<List<Object>, long[]> outcomes = new HashMap<>();
    long records;

    /** Adds the records {@code from} selects; with {@code within}, only those of its days. */
    void collect(Connection c, String from, List<Object> params, RollupCoverage within) throws SQLException {
        String groups = "r.period_day, r.tenant, r.endpoint, r.model_id, r.department, r.use_case, r.tool_id, r.decision,"
                + " r.bio_action, r.error_code, CASE WHEN r.rule LIKE 'fallback:%' THEN 1 ELSE 0 END";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + groups + ", COUNT(*), SUM(r.prompt_tokens),"
                + " SUM(r.completion_tokens), SUM(r.energy_wh)" + from + " GROUP BY " + groups)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String day = rs.getString(1).strip();
                    if (within != null && (day.compareTo(within.from().toString()) < 0 || day.compareTo(within.to().toString()) >= 0)) {
                        continue;
                    }
                    String tenant = rs.getString(2);
                    String endpoint = rs.getString(3);
                    String decision = rs.getString(8);
                    long count = rs.getLong(12);
                    long prompt = rs.getLong(13);
                    long completion = rs.getLong(14);
                    double energy = rs.getDouble(15);
                    records += count;
                    for (int i = 0; i < ORDER.size(); i++) {
                        Sums s = usage.computeIfAbsent(Arrays.asList(day, ORDER.get(i), tenant, endpoint, rs.getString(4 + i)),
                                k -> new Sums());
                        s.n[0] += count;
                        s.n[1] += "refused".equals(decision) ? count : 0;
                        s.n[2] += "redacted".equals(decision) ? count : 0;
                        s.n[3] += "failed".equals(decision) ? count : 0;
                        s.n[4] += prompt;
                        s.n[5] += completion;
                        s.energy += energy;
                    }
                    outcomes.computeIfAbsent(Arrays.asList(day, tenant, endpoint, decision, rs.getString(10), rs.getInt(11) == 1),
                            k -> new long[1])[0] += count;
                }
            }
        }
    }

    void insert(Connection c) throws SQLException {
        if (usage.isEmpty() && outcomes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_usage_day (period_day, period_month, tenant, endpoint, dimension, dim_value, requests,
                  refused, redacted, failed, prompt_tokens, completion_tokens, energy_wh)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (var e : usage.entrySet()) {
                String d = e.getKey().get(0);
                ps.setString(1, d);
                ps.setString(2, d.substring(0, 7));
                ps.setString(3, e.getKey().get(2));
                ps.setString(4, e.getKey().get(3));
                ps.setString(5, e.getKey().get(1));
                ps.setString(6, e.getKey().get(4));
                for (int i = 0; i < 6; i++) {
                    ps.setLong(7 + i, e.getValue().n[i]);
                }
                ps.setDouble(13, e.getValue().energy);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_outcome_day (period_day, tenant, endpoint, decision, error_code, fallback, requests)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (var e : outcomes.entrySet()) {
                ps.setString(1, (String) e.getKey().get(0));
                ps.setString(2, (String) e.getKey().get(1));
                ps.setString(3, (String) e.getKey().get(2));
                ps.setString(4, (String) e.getKey().get(3));
                ps.setString(5, (String) e.getKey().get(4));
                ps.setBoolean(6, (Boolean) e.getKey().get(5));
                ps.setLong(7, e.getValue()[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
