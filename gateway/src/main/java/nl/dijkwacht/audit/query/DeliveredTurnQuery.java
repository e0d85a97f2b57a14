package nl.dijkwacht.audit.query;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import nl.dijkwacht.audit.AuditProperties;
import nl.dijkwacht.audit.TurnHasher;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.StreamingQuery;
import nl.dijkwacht.pipeline.DeliveredTurns;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link DeliveredTurns} on the audit store (turns28): indexed queries on the turn hashes (and the other choices'
 * keys), within the caller's tenant. Asked only when an earlier turn would cause a purpose refusal; a store that does
 * not answer throws {@link DeliveredTurns.Unknown} (the guard then refuses).
 */
public final class DeliveredTurnQuery implements DeliveredTurns {

    /** Hashes asked in one query. */
    static final int PER_QUERY = 200;
    /**
     * Hashes asked at most per request, in queries of {@link #PER_QUERY}: the newest turns' (a longer conversation's
     * oldest turns are read as not delivered). Bounds the look-ups a 1 MiB body of tiny turns can cause.
     */
    static final int MAX_HASHES = 1_000;

    /** Seconds a statement may take; a store slower than that counts as not answering (the guard refuses). */
    static final int TIMEOUT_SECONDS = 5;

    private final JdbcTemplate jdbc;
    private final StreamingQuery stream;
    private final TurnHasher hasher;
    private final int newestWithChoices;
    /** Null until the first look-up of packed keys asks the store which it is. */
    private volatile Boolean postgres;

    public DeliveredTurnQuery(DataSource dataSource, TurnHasher hasher) {
        this(dataSource, hasher, AuditProperties.DEFAULT_OTHER_CHOICES_WINDOW);
    }

    /**
     * @param newestWithChoices how far back a tool can continue a conversation from another choice than the first
     *                          (audit50; {@code dijkwacht.audit.other-choices-window}): the other choices of the
     *                          tenant's newest so many answers with {@code n > 1} are recognised (on PostgreSQL newest
     *                          day first, within the oldest day read in the order they were stored); an older answer's
     *                          other choice counts as not delivered (judged like the staff's own text, ADR 0013). Bounds
     *                          what a made-up turn costs the store: before, it read every such answer of the tenant
     *                          (0.44–0.77 s at 200,000, the 5-s limit on a cold cache beyond a million).
     */
    public DeliveredTurnQuery(DataSource dataSource, TurnHasher hasher, int newestWithChoices) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(TIMEOUT_SECONDS);
        this.stream = new StreamingQuery(dataSource, TIMEOUT_SECONDS);
        this.hasher = hasher;
        this.newestWithChoices = newestWithChoices;
    }

    @Override
    public String hash(String content, List<String[]> calls) {
        return hasher.turn(content, calls);
    }

    @Override
    public String[] beforeNote(String content) {
        return TurnHasher.withoutNote(content);
    }

    @Override
    public Set<String> delivered(String tenant, Collection<String> hashes) {
        Set<String> asked = new LinkedHashSet<>(hashes);
        if (asked.isEmpty()) {
            return Set.of();
        }
        // review44b: only the first (oldest) 200 were asked, so an agent's conversation of more than 100-200 turns had
        // its newest delivered turns read as made up
        List<String> all = List.copyOf(asked);
        List<String> newest = all.subList(Math.max(0, all.size() - MAX_HASHES), all.size());
        Set<String> found = new HashSet<>();
        for (int from = 0; from < newest.size(); from += PER_QUERY) {
            found.addAll(query(tenant, newest.subList(from, Math.min(newest.size(), from + PER_QUERY))));
        }
        if (found.size() < newest.size()) {
            found.addAll(packedChoices(tenant, newest.stream().filter(h -> !found.contains(h)).toList()));
        }
        return found;
    }

    /**
     * Those of {@code hashes} among the other choices this gateway keeps in their record ({@code choice_keys},
     * audit49): no index per key, so the keys of the tenant's newest {@code newestWithChoices} records that have
     * any are read newest first (through {@code audit_record_choices_newest_idx}, V192), once for all hashes of the
     * request, until all are found. Rare: only answers with {@code n > 1} have keys, and the look-up runs only when an
     * earlier turn would cause a refusal.
     */
    private Set<String> packedChoices(String tenant, List<String> hashes) {
        Map<Long, List<String>> byKey = new HashMap<>();
        for (String h : hashes) {
            byKey.computeIfAbsent(TurnHasher.choiceKey(h), k -> new ArrayList<>()).add(h);
        }
        Set<String> found = new HashSet<>();
        try {
            if (postgres == null) {
                postgres = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()
                        .toLowerCase(java.util.Locale.ROOT).contains("postgres"));
            }
            stream.stream(packedChoices(postgres, tenant != null, newestWithChoices), tenant == null ? List.of() : List.of(tenant), rs -> {
                ByteBuffer keys = ByteBuffer.wrap(rs.getBytes(1));
                while (keys.remaining() >= Long.BYTES) {
                    List<String> matched = byKey.remove(keys.getLong());
                    if (matched != null) {
                        found.addAll(matched);
                    }
                }
                return !byKey.isEmpty();
            });
            return found;
        } catch (RuntimeException e) { // a failed or timed-out statement, a pool that gives no connection
            throw new DeliveredTurns.Unknown(e);
        }
    }

    /**
     * The packed keys of the other choices of the tenant's (the parameter, unless none) newest {@code newest} answers
     * that have any, newest first, in the order of V192's index: on PostgreSQL a partial index of those records only,
     * by day (UTC; the btree then keeps a day's records as one entry, and a backward scan gives a day's records newest
     * written first); H2 has no partial or expression indexes, its index holds every record by time and a generated
     * column says which have keys (and H2 reads an index in a query's order only when the order names its columns from
     * the first).
     */
    static String packedChoices(boolean postgres, boolean ofTenant, int newest) {
        String tenant = ofTenant ? "tenant = ?" : "tenant IS NULL";
        return postgres
                ? "SELECT choice_keys FROM audit_record WHERE choice_keys IS NOT NULL AND " + tenant
                        + " ORDER BY tenant DESC, ((occurred_at AT TIME ZONE 'UTC')::date) DESC LIMIT " + newest
                : "SELECT choice_keys FROM audit_record WHERE " + tenant + " AND with_choices = TRUE"
                        + " ORDER BY tenant DESC, with_choices DESC, occurred_at DESC LIMIT " + newest;
    }

    /**
     * Choice 0 of every answer in {@code audit_record}; the other choices of answers with {@code n > 1} that a gateway
     * before audit49 kept by their 8-byte key in {@code audit_choice_key} (audit47; V180 moved turns45's rows there),
     * the tenant read on their record; those a gateway before V180 wrote during a rolling update in
     * {@code audit_turn_choice} (turns45). Every branch goes through an index on the hash or key.
     */
    private Set<String> query(String tenant, List<String> some) {
        String in = "?" + ", ?".repeat(some.size() - 1);
        String ofTenant = tenant == null ? "tenant IS NULL" : "tenant = ?";
        List<Object> args = new ArrayList<>();
        for (int branch = 0; branch < 2; branch++) {
            some.forEach(h -> args.add(AuditRows.hashBytes(h)));
            if (tenant != null) {
                args.add(tenant);
            }
        }
        Map<Long, List<String>> byKey = new HashMap<>();
        for (String h : some) {
            byKey.computeIfAbsent(TurnHasher.choiceKey(h), k -> new ArrayList<>()).add(h);
        }
        List<Object> keyArgs = new ArrayList<>(byKey.keySet());
        if (tenant != null) {
            keyArgs.add(tenant);
        }
        try {
            Set<String> found = new HashSet<>(jdbc.query("SELECT turn_hmac FROM audit_record WHERE turn_hmac IN (" + in + ") AND " + ofTenant
                    + " UNION SELECT turn_hmac FROM audit_turn_choice WHERE turn_hmac IN (" + in + ") AND " + ofTenant,
                    (rs, i) -> AuditRows.hashText(rs.getBytes(1)), args.toArray()));
            jdbc.query(otherChoices(byKey.size(), tenant != null), rs -> {
                found.addAll(byKey.get(rs.getLong(1)));
            }, keyArgs.toArray());
            return found;
        } catch (RuntimeException e) { // DataAccessException, a pool that gives no connection
            throw new DeliveredTurns.Unknown(e);
        }
    }

    /** The keys among {@code keys} of the other choices of answers to the tenant (the last parameter, unless none). */
    static String otherChoices(int keys, boolean ofTenant) {
        return "SELECT DISTINCT k.choice_key FROM audit_choice_key k JOIN audit_record r ON r.chain_id = k.chain_id AND r.seq = k.seq"
                + " WHERE k.choice_key IN (?" + ", ?".repeat(keys - 1) + ") AND r." + (ofTenant ? "tenant = ?" : "tenant IS NULL");
    }
}
