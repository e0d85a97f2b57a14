package nl.dijkwacht.audit.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.dijkwacht.audit.AuditProperties;
import nl.dijkwacht.audit.TenantScope;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.EmbeddedStoreCompaction;
import nl.dijkwacht.audit.store.StreamingQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what has expired and is not under legal hold: redacted content after its use-case's period, audit
 * records after {@code metadata-days}, reviews and complaints with their records. Every contiguous run of deleted
 * records is replaced by a checkpoint (prev hash of the first, hash of the last, MAC) so the chain stays
 * verifiable across the gap; every run leaves a row in {@code audit_retention_run} saying what it removed. Nothing
 * is removed in a transaction of more than {@code batch-size} rows (records, with their checkpoint, and content alike),
 * so the gateway's writer keeps answering while a year's expired tier goes, and after each batch the run waits
 * {@code batch-pause} so the writer has the store to itself between batches (on H2 a batch's commit holds the
 * store's lock while it writes its chunk: the writer's commits queue behind it). The other choices' keys of removed
 * records go with them, in the range's transaction; those an older gateway left behind go after the ranges
 * ({@link #deleteChoicesLeftBehind}). On the embedded store the file compaction rewrites in small rounds while
 * the run lasts (its full rounds beside the purge's commits were most of the writer's wait) and catches up after it.
 */
public final class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    /** The tables of the other choices' keys (audit47) and turn hashes (turns45), each indexed by (chain_id, seq). */
    private static final List<String> CHOICE_TABLES = List.of("audit_choice_key", "audit_turn_choice");

    private final DataSource dataSource;
    private final ChainCodec codec;
    private final AuditProperties.Retention settings;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private final Pause pause;
    private final Supplier<EmbeddedStoreCompaction.GentleRounds> gentleCompaction;
    /** Rows removed by the run under way since its last pause (runs never overlap: {@link #running}). */
    private long removedSincePause;

    /** Waits between batches (the tests see the waits without waiting). */
    @FunctionalInterface
    public interface Pause {
        void after(Duration batchPause) throws InterruptedException;

        Pause SLEEP = d -> {
            if (!d.isZero()) {
                Thread.sleep(d);
            }
        };
    }

    public RetentionJob(DataSource dataSource, ChainCodec codec, AuditProperties.Retention settings, Clock clock) {
        this(dataSource, codec, settings, clock, Pause.SLEEP);
    }

    public RetentionJob(DataSource dataSource, ChainCodec codec, AuditProperties.Retention settings, Clock clock, Pause pause) {
        this(dataSource, codec, settings, clock, pause, NOT_EMBEDDED);
    }

    /**
     * @param gentleCompaction opened for the whole run: the embedded H2 file's compaction in small rounds, whose full
     *                         rounds beside a large purge made the writer's appends wait (AuditStoreHousekeeping#gentleCompaction)
     */
    public RetentionJob(DataSource dataSource, ChainCodec codec, AuditProperties.Retention settings, Clock clock, Pause pause,
                        Supplier<EmbeddedStoreCompaction.GentleRounds> gentleCompaction) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.settings = settings;
        this.clock = clock;
        this.pause = pause;
        this.gentleCompaction = gentleCompaction;
    }

    private static final Supplier<EmbeddedStoreCompaction.GentleRounds> NOT_EMBEDDED = () -> () -> { };

    public record Run(long id, Instant startedAt, Instant finishedAt, Instant metadataCutoff, long recordsDeleted,
                      long contentDeleted, long reviewsDeleted, long complaintsDeleted, long recordsHeld,
                      long contentHeld, int checkpoints, String triggeredBy) {
    }

    private record Range(String chainId, long fromSeq, long toSeq, String prevHash, String lastHash, Instant first,
                         Instant last) {
    }

    public Run run(String triggeredBy) {
        return run(triggeredBy, null);
    }

    /**
     * @param tenant the tenant of the auditor who started the run ({@code null}: the schedule). Retention applies the
     *               gateway's retention settings to the whole store; the run is listed for that tenant's auditors.
     */
    public Run run(String triggeredBy, String tenant) {
        if (!running.tryLock()) {
            throw new IllegalStateException("Er loopt al een bewaartermijn-opruiming.");
        }
        try (EmbeddedStoreCompaction.GentleRounds gentle = gentleCompaction.get()) {
            return runLocked(triggeredBy, tenant);
        } catch (SQLException e) {
            throw new IllegalStateException("retention run failed: " + e.getSQLState(), e);
        } finally {
            running.unlock();
        }
    }

    private Run runLocked(String triggeredBy, String tenant) throws SQLException {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(settings.metadataDays()));
        long runId = startRun(now, cutoff, triggeredBy, tenant);
        removedSincePause = 0;

        long contentDeleted = deleteExpiredContent(now);
        long contentHeld = count("SELECT COUNT(*) FROM audit_content WHERE expires_at <= ?", AuditRows.time(now));

        List<Range> ranges = expiredRanges(cutoff);
        long recordsDeleted = 0;
        for (Range range : ranges) {
            pauseBetweenBatches();
            long removed = deleteRange(range, runId);
            recordsDeleted += removed;
            removedSincePause += removed;
        }
        long recordsHeld = count("SELECT COUNT(*) FROM audit_record WHERE occurred_at < ?", AuditRows.time(cutoff));
        long choicesRemoved = deleteChoicesLeftBehind();

        long reviewsDeleted = update("""
                DELETE FROM audit_review WHERE reported_at < ?
                  AND NOT EXISTS (SELECT 1 FROM audit_record r WHERE r.trace_id = audit_review.trace_id)""", AuditRows.time(cutoff));
        long complaintsDeleted = update("""
                DELETE FROM audit_complaint WHERE created_at < ?
                  AND NOT EXISTS (SELECT 1 FROM audit_record r WHERE r.trace_id = audit_complaint.trace_id)""", AuditRows.time(cutoff));
        update("""
                DELETE FROM audit_complaint_outcome
                WHERE NOT EXISTS (SELECT 1 FROM audit_complaint c WHERE c.id = audit_complaint_outcome.complaint_id)""");

        Instant finished = clock.instant();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE audit_retention_run SET finished_at = ?, records_deleted = ?, content_deleted = ?, reviews_deleted = ?,
                  complaints_deleted = ?, records_held = ?, content_held = ?, checkpoints = ? WHERE id = ?""")) {
            ps.setObject(1, AuditRows.time(finished));
            ps.setLong(2, recordsDeleted);
            ps.setLong(3, contentDeleted);
            ps.setLong(4, reviewsDeleted);
            ps.setLong(5, complaintsDeleted);
            ps.setLong(6, recordsHeld);
            ps.setLong(7, contentHeld);
            ps.setInt(8, ranges.size());
            ps.setLong(9, runId);
            ps.executeUpdate();
        }
        log.info("retention run {}: {} records, {} contents, {} reviews, {} complaints deleted; {} records and {} contents held; {} checkpoints;"
                        + " {} keys of other choices an older gateway left behind deleted",
                runId, recordsDeleted, contentDeleted, reviewsDeleted, complaintsDeleted, recordsHeld, contentHeld, ranges.size(),
                choicesRemoved);
        return new Run(runId, now, finished, cutoff, recordsDeleted, contentDeleted, reviewsDeleted, complaintsDeleted,
                recordsHeld, contentHeld, ranges.size(), triggeredBy);
    }

    /**
     * Expired, unheld content in transactions of at most {@code batch-size} rows (the oldest first), so that a year's
     * content is not removed in one transaction that holds its locks, and H2 its undo log, until the last row. Each
     * batch first selects its trace ids, then deletes exactly those: on H2 {@code DELETE … WHERE trace_id IN
     * (SELECT … LIMIT n)} was still evaluating the hold conditions after 8 minutes at 200,000 records (20,000 contents);
     * selected first, the whole run over 100,000 records takes 20–30 s.
     */
    private long deleteExpiredContent(Instant now) throws SQLException {
        long deleted = 0;
        int batch = settings.batchSize();
        while (true) {
            pauseBetweenBatches();
            List<String> traceIds = new ArrayList<>(batch);
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    SELECT c.trace_id FROM audit_content c WHERE c.expires_at <= ?
                      AND NOT EXISTS (SELECT 1 FROM audit_legal_hold h WHERE h.released_at IS NULL AND (
                        h.trace_id = c.trace_id
                        OR (h.period_start <= c.occurred_at AND c.occurred_at < h.period_end)
                        OR h.actor_pseudonym IN (SELECT r.actor_pseudonym FROM audit_record r WHERE r.trace_id = c.trace_id)))
                    ORDER BY c.expires_at LIMIT ?""")) {
                ps.setObject(1, AuditRows.time(now));
                ps.setInt(2, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        traceIds.add(rs.getString(1));
                    }
                }
            }
            if (!traceIds.isEmpty()) {
                long removed = update("DELETE FROM audit_content WHERE trace_id IN ("
                        + String.join(", ", java.util.Collections.nCopies(traceIds.size(), "?")) + ")", traceIds.toArray());
                deleted += removed;
                removedSincePause += removed;
            }
            if (traceIds.size() < batch) {
                return deleted;
            }
        }
    }

    /**
     * Lets the writer have the store ({@code batch-pause}) before the next batch once the run removed {@code batch-size}
     * rows since its last pause: after every full batch, and after enough short ranges (a legal hold splits the
     * expired records into many) — not before the first batch, not after the last.
     */
    private void pauseBetweenBatches() throws SQLException {
        if (removedSincePause < settings.batchSize()) {
            return;
        }
        removedSincePause = 0;
        try {
            pause.after(settings.batchPause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("retention run interrupted", "57014", e);
        }
    }

    /** Expired, unheld records grouped into runs of consecutive seqs (at most batch-size long). Streams the rows. */
    private List<Range> expiredRanges(Instant cutoff) {
        List<Range> ranges = new ArrayList<>();
        int batch = settings.batchSize();
        Range[] open = new Range[1];
        long[] length = new long[1];
        StreamingQuery.run(dataSource, "SELECT r.chain_id, r.seq, r.prev_hash, r.record_hash, r.occurred_at FROM audit_record r "
                + "WHERE r.occurred_at < ? AND NOT " + LegalHolds.HELD_RECORD + " ORDER BY r.chain_id, r.seq",
                List.of(AuditRows.time(cutoff)), rs -> {
                    String chain = rs.getString(1);
                    long seq = rs.getLong(2);
                    Instant at = AuditRows.instant(rs, "occurred_at");
                    Range cur = open[0];
                    if (cur != null && cur.chainId().equals(chain) && cur.toSeq() + 1 == seq && length[0] < batch) {
                        open[0] = new Range(chain, cur.fromSeq(), seq, cur.prevHash(), AuditRows.hashText(rs.getBytes(4)),
                                at.isBefore(cur.first()) ? at : cur.first(), at.isAfter(cur.last()) ? at : cur.last());
                        length[0]++;
                    } else {
                        if (cur != null) {
                            ranges.add(cur);
                        }
                        open[0] = new Range(chain, seq, seq, AuditRows.hashText(rs.getBytes(3)), AuditRows.hashText(rs.getBytes(4)), at, at);
                        length[0] = 1;
                    }
                    return true;
                });
        if (open[0] != null) {
            ranges.add(open[0]);
        }
        return ranges;
    }

    private long deleteRange(Range r, long runId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long removed;
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM audit_record WHERE chain_id = ? AND seq BETWEEN ? AND ?")) {
                    ps.setString(1, r.chainId());
                    ps.setLong(2, r.fromSeq());
                    ps.setLong(3, r.toSeq());
                    removed = ps.executeUpdate();
                }
                if (removed != r.toSeq() - r.fromSeq() + 1) {
                    throw new SQLException("range " + r.fromSeq() + ".." + r.toSeq() + " changed during retention", "40001");
                }
                // the other choices' keys of these records (audit47) and the turn hashes an older gateway wrote for
                // them (turns45), in the same transaction: both tables are indexed by (chain_id, seq), V170 and V181
                for (String table : CHOICE_TABLES) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "DELETE FROM " + table + " WHERE chain_id = ? AND seq BETWEEN ? AND ?")) {
                        ps.setString(1, r.chainId());
                        ps.setLong(2, r.fromSeq());
                        ps.setLong(3, r.toSeq());
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO audit_checkpoint (chain_id, from_seq, to_seq, prev_hash, last_hash, removed_count,
                          first_occurred_at, last_occurred_at, run_id, chain_key_id, checkpoint_mac)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    ps.setString(1, r.chainId());
                    ps.setLong(2, r.fromSeq());
                    ps.setLong(3, r.toSeq());
                    ps.setString(4, r.prevHash());
                    ps.setString(5, r.lastHash());
                    ps.setLong(6, removed);
                    ps.setObject(7, AuditRows.time(r.first()));
                    ps.setObject(8, AuditRows.time(r.last()));
                    ps.setLong(9, runId);
                    ps.setString(10, codec.keyId());
                    ps.setString(11, codec.checkpointMac(r.chainId(), r.fromSeq(), r.toSeq(), r.prevHash(), r.lastHash(),
                            removed, r.first(), r.last(), runId));
                    ps.executeUpdate();
                }
                c.commit();
                return removed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * The other choices' keys and turn hashes an older gateway left behind: a replica from before V180 removes records
     * without their keys in {@code audit_choice_key}, one from before V170 without their turn hashes in
     * {@code audit_turn_choice} (both still run during a rolling update; a run of this gateway removes a range's rows
     * with the range, {@link #deleteRange}). Only rows inside a checkpoint's range go — those records are gone for good
     * and their seqs are never written again —, never a row merely missing its record at the moment of reading (on H2
     * one statement's tables need not be read at one moment, so a record committed with its choices could look absent).
     * Per chain, through the tables' {@code (chain_id, seq)} index, only the rows up to the chain's last checkpoint are
     * read (those of held records and those left behind; V181 — before it the statement read the whole table once per
     * run), each looked up through the checkpoints' {@code (chain_id, from_seq)} key: ranges of a chain do not
     * overlap, so only the range starting last at or before the row's seq can hold it.
     */
    private long deleteChoicesLeftBehind() throws SQLException {
        long removed = 0;
        for (ChainCheckpointed chain : lastCheckpointed()) {
            for (String table : CHOICE_TABLES) {
                removed += update(leftBehind(table), chain.chainId(), chain.toSeq());
            }
        }
        return removed;
    }

    /** A chain and the last seq its checkpoints cover. */
    private record ChainCheckpointed(String chainId, long toSeq) {
    }

    /** Per chain (one head row each), the end of its last checkpoint's range; chains without a checkpoint are left out. */
    private List<ChainCheckpointed> lastCheckpointed() throws SQLException {
        List<ChainCheckpointed> chains = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT h.chain_id, (SELECT k.to_seq FROM audit_checkpoint k WHERE k.chain_id = h.chain_id
                  ORDER BY k.from_seq DESC FETCH FIRST 1 ROWS ONLY) FROM audit_chain_head h""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long toSeq = rs.getLong(2);
                if (!rs.wasNull()) {
                    chains.add(new ChainCheckpointed(rs.getString(1), toSeq));
                }
            }
        }
        return chains;
    }

    /**
     * Deletes {@code table}'s rows of one chain (parameter 1) up to a seq (parameter 2) that lie inside a checkpoint's
     * range: an index range scan of {@code (chain_id, seq)}.
     */
    static String leftBehind(String table) {
        return "DELETE FROM " + table + " WHERE chain_id = ? AND seq <= ?"
                + " AND seq <= (SELECT k.to_seq FROM audit_checkpoint k"
                + " WHERE k.chain_id = " + table + ".chain_id AND k.from_seq <= " + table + ".seq"
                + " ORDER BY k.from_seq DESC FETCH FIRST 1 ROWS ONLY)";
    }

    private long startRun(Instant now, Instant cutoff, String triggeredBy, String tenant) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_retention_run (started_at, metadata_cutoff, records_deleted, content_deleted, reviews_deleted,
                  complaints_deleted, records_held, content_held, checkpoints, triggered_by, tenant) VALUES (?, ?, 0, 0, 0, 0, 0, 0, 0, ?, ?)""",
                new String[] {"id"})) {
            ps.setObject(1, AuditRows.time(now));
            ps.setObject(2, AuditRows.time(cutoff));
            ps.setString(3, triggeredBy);
            ps.setString(4, tenant);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public List<Run> runs() {
        return runs(TenantScope.everything());
    }

    /**
     * Runs newest first, as the tenant's auditors see them: the default tenant's scope holds the scheduled runs and
     * its auditors' runs; another tenant's holds the runs its own auditors started.
     */
    public List<Run> runs(TenantScope scope) {
        List<Run> out = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        String tenantCondition = scope.condition("tenant", params);
        StreamingQuery.run(dataSource, "SELECT * FROM audit_retention_run" + (tenantCondition == null ? "" : " WHERE " + tenantCondition)
                + " ORDER BY id DESC", params, rs -> {
            out.add(new Run(rs.getLong("id"), AuditRows.instant(rs, "started_at"), AuditRows.instant(rs, "finished_at"),
                    AuditRows.instant(rs, "metadata_cutoff"), rs.getLong("records_deleted"), rs.getLong("content_deleted"),
                    rs.getLong("reviews_deleted"), rs.getLong("complaints_deleted"), rs.getLong("records_held"),
                    rs.getLong("content_held"), rs.getInt("checkpoints"), rs.getString("triggered_by")));
            return out.size() < 500;
        });
        return out;
    }

    private long update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private long count(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
