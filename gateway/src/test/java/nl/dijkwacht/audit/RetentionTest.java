package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.chain.VerifyReport;
import nl.dijkwacht.audit.retention.LegalHolds;
import nl.dijkwacht.audit.retention.RetentionJob;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retention: expired data goes, legal holds stop it, every run is recorded, the chain stays verifiable. */
class RetentionTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    AuditDb db;

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void expiredRecordsAndContentGoHoldsKeepTheirsChainStaysVerifiable() {
        db = AuditDb.h2();
        runScenario(db);
    }

    @Test
    void sameOnPostgres() {
        db = AuditDb.postgres();
        runScenario(db);
    }

    @Test
    void theRunKeepsTheEmbeddedStoresCompactionGentleUntilItEnds() {
        db = AuditDb.h2();
        AuditRows rows = new AuditRows(new ObjectMapper());
        ChainCodec codec = ChainCodec.fromSecret(SECRET);
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "node-a").start()) {
            for (int i = 0; i < 30; i++) {
                sink.append(Records.sample("old-" + i, NOW.minus(400 - i, ChronoUnit.DAYS)));
            }
        }
        java.util.concurrent.atomic.AtomicInteger holds = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> openAtPauses = new java.util.ArrayList<>();
        RetentionJob job = new RetentionJob(db.dataSource(), codec, new AuditProperties.Retention(365, null, 7, null),
                Clock.fixed(NOW, ZoneOffset.UTC), pause -> openAtPauses.add(open.get()), () -> {
                    holds.incrementAndGet();
                    open.incrementAndGet();
                    return open::decrementAndGet;
                });

        assertThat(job.run("test").recordsDeleted()).isEqualTo(30);
        assertThat(holds).hasValue(1);
        assertThat(open).as("released when the run ended").hasValue(0);
        assertThat(openAtPauses).as("open between the batches").hasSizeGreaterThanOrEqualTo(3).containsOnly(1);
    }

    @Test
    void turnHashesOfRecordsAnOlderGatewayRemovedGoInTheNextRun() throws Exception {
        db = AuditDb.h2();
        olderGatewayScenario(db);
    }

    @Test
    void turnHashesOfRecordsAnOlderGatewayRemovedGoInTheNextRunOnPostgres() throws Exception {
        db = AuditDb.postgres();
        olderGatewayScenario(db);
    }

    @Test
    void aRemovedRangesChoiceKeysGoInTheRangesOwnTransaction() {
        db = AuditDb.h2();
        choiceKeysWithTheirRangeScenario(db);
    }

    @Test
    void aRemovedRangesChoiceKeysGoInTheRangesOwnTransactionOnPostgres() {
        db = AuditDb.postgres();
        choiceKeysWithTheirRangeScenario(db);
    }

    /**
     * audit48: the other choices' keys of a removed range go in the range's transaction (through V181's (chain_id, seq)
     * index), not in one statement over the whole table after the last range: between the batches of a run no key is
     * left whose record is gone.
     */
    static void choiceKeysWithTheirRangeScenario(AuditDb db) {
        AuditRows rows = new AuditRows(new ObjectMapper());
        ChainCodec codec = ChainCodec.fromSecret(SECRET);
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "node-a").start()) {
            for (int i = 0; i < 30; i++) { // seq 1..30 expired, every third an answer with three choices
                Instant at = NOW.minus(400 - i, ChronoUnit.DAYS);
                sink.append(i % 3 == 0 ? Records.withOtherChoices("old-" + i, at, "p-actor", List.of(choiceHash(i, 1), choiceHash(i, 2)))
                        : Records.sample("old-" + i, at));
            }
            for (int i = 30; i < 33; i++) { // seq 31..33 kept
                sink.append(Records.withOtherChoices("new-" + i, NOW.minus(10, ChronoUnit.DAYS), "p-actor",
                        List.of(choiceHash(i, 1), choiceHash(i, 2))));
            }
        }
        // as a replica before V190 stored them (a rolling update): a row per choice
        assertThat(OlderReplicaChoiceKeys.asWrittenBeforeV190(db)).isEqualTo(2 * 10 + 2 * 3);
        assertThat(db.count("SELECT COUNT(*) FROM audit_choice_key")).isEqualTo(2 * 10 + 2 * 3);
        String orphaned = "SELECT COUNT(*) FROM audit_choice_key t WHERE NOT EXISTS (SELECT 1 FROM audit_record r"
                + " WHERE r.chain_id = t.chain_id AND r.seq = t.seq)";
        List<Long> orphanedAtPauses = new java.util.ArrayList<>();
        RetentionJob job = new RetentionJob(db.dataSource(), codec, new AuditProperties.Retention(365, null, 7, null),
                Clock.fixed(NOW, ZoneOffset.UTC), pause -> orphanedAtPauses.add(db.count(orphaned)));

        RetentionJob.Run run = job.run("test");

        assertThat(run.recordsDeleted()).isEqualTo(30);
        assertThat(orphanedAtPauses).as("keys whose record is gone, between the batches").hasSizeGreaterThanOrEqualTo(3).containsOnly(0L);
        assertThat(db.count("SELECT COUNT(*) FROM audit_choice_key")).isEqualTo(2 * 3);
        assertThat(db.count("SELECT COUNT(*) FROM audit_choice_key WHERE seq BETWEEN 31 AND 33")).isEqualTo(2 * 3);
        assertThat(new ChainVerifier(db.dataSource(), codec, rows).verify("node-a", null, null).ok()).isTrue();
    }

    /**
     * A rolling upgrade: a replica from before V170 runs retention and removes records (with their checkpoint, as its
     * code did) but not the other choices' keys in {@code audit_choice_key} (audit47) nor the turn hashes a V170 replica
     * wrote to {@code audit_turn_choice}; the upgraded gateway's next run removes those, and only those: the keys of
     * records that are still there, and rows whose record is not (yet) visible but lies in no removed range, stay.
     */
    static void olderGatewayScenario(AuditDb db) throws Exception {
        AuditRows rows = new AuditRows(new ObjectMapper());
        ChainCodec codec = ChainCodec.fromSecret(SECRET);
        ChainVerifier verifier = new ChainVerifier(db.dataSource(), codec, rows);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "node-a").start()) {
            for (int i = 0; i < 12; i++) { // seq 1..12, every other one an answer with three choices
                Instant at = NOW.minus(20 - i, ChronoUnit.DAYS);
                sink.append(i % 2 == 0 ? Records.withOtherChoices("r-" + i, at, "p-actor", List.of(choiceHash(i, 1), choiceHash(i, 2)))
                        : Records.sample("r-" + i, at));
            }
        }
        assertThat(OlderReplicaChoiceKeys.asWrittenBeforeV190(db)).as("a replica before V190 wrote them").isEqualTo(12);
        assertThat(db.count("SELECT COUNT(*) FROM audit_choice_key")).isEqualTo(12);
        assertThat(db.count("SELECT COUNT(*) FROM audit_turn_choice")).isZero();
        // a V170 replica's rows: one of a record in a range removed below (seq 4), one of a record being written (seq 13)
        for (long seq : List.of(4L, 13L)) {
            db.update("INSERT INTO audit_turn_choice (chain_id, seq, tenant, turn_hmac) VALUES ('node-a', ?, 'gemeente', ?)", seq,
                    java.util.HexFormat.of().parseHex(choiceHash((int) seq, 1)));
        }
        olderGatewayRemoves(db, codec, "node-a", 2, 5, 901);
        olderGatewayRemoves(db, codec, "node-a", 8, 8, 902);
        // seq 2..5 held r-1..r-4 (choices of r-2, r-4), seq 8 r-7 (none): 4 keys left behind
        assertThat(db.count("SELECT COUNT(*) FROM audit_choice_key t WHERE NOT EXISTS (SELECT 1 FROM audit_record r"
                + " WHERE r.chain_id = t.chain_id AND r.seq = t.seq)")).isEqualTo(4);
        // a record being written: its keys visible before it (seq 13, past the head), in no removed range
        db.update("INSERT INTO audit_choice_key (choice_key, seq, chain_id) VALUES (?, 13, 'node-a')", TurnHasher.choiceKey(choiceHash(13, 1)));

        RetentionJob.Run run = new RetentionJob(db.dataSource(), codec, new AuditProperties.Retention(365, null, 7, null), clock).run("test");

        assertThat(run.recordsDeleted()).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM audit_choice_key")).isEqualTo(12 - 4 + 1);
        assertThat(db.count("SELECT COUNT(*) FROM audit_choice_key WHERE seq IN (3, 5)")).isZero();
        for (long seq : List.of(1L, 7L, 9L, 11L)) {
            assertThat(db.count("SELECT COUNT(*) FROM audit_choice_key WHERE chain_id = 'node-a' AND seq = ?", seq)).as("seq %d", seq).isEqualTo(2);
        }
        assertThat(db.count("SELECT COUNT(*) FROM audit_choice_key WHERE seq = 13")).isEqualTo(1);
        assertThat(db.count("SELECT seq FROM audit_turn_choice")).as("only the row of the record being written").isEqualTo(13);
        assertThat(verifier.verify("node-a", null, null).ok()).isTrue();
    }

    /** What retention did before V170 for a range of a chain: the records and a checkpoint, in one transaction. */
    private static void olderGatewayRemoves(AuditDb db, ChainCodec codec, String chain, long from, long to, long runId) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            String prev;
            String last;
            Instant first;
            Instant lastAt;
            try (PreparedStatement ps = c.prepareStatement("SELECT prev_hash, record_hash, occurred_at FROM audit_record"
                    + " WHERE chain_id = ? AND seq BETWEEN ? AND ? ORDER BY seq")) {
                ps.setString(1, chain);
                ps.setLong(2, from);
                ps.setLong(3, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    prev = AuditRows.hashText(rs.getBytes(1));
                    first = AuditRows.instant(rs, "occurred_at");
                    last = AuditRows.hashText(rs.getBytes(2));
                    lastAt = first;
                    while (rs.next()) {
                        last = AuditRows.hashText(rs.getBytes(2));
                        lastAt = AuditRows.instant(rs, "occurred_at");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_record WHERE chain_id = ? AND seq BETWEEN ? AND ?")) {
                ps.setString(1, chain);
                ps.setLong(2, from);
                ps.setLong(3, to);
                assertThat(ps.executeUpdate()).isEqualTo(to - from + 1);
            }
            long removed = to - from + 1;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_checkpoint (chain_id, from_seq, to_seq, prev_hash,"
                    + " last_hash, removed_count, first_occurred_at, last_occurred_at, run_id, chain_key_id, checkpoint_mac)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, chain);
                ps.setLong(2, from);
                ps.setLong(3, to);
                ps.setString(4, prev);
                ps.setString(5, last);
                ps.setLong(6, removed);
                ps.setObject(7, AuditRows.time(first));
                ps.setObject(8, AuditRows.time(lastAt));
                ps.setLong(9, runId);
                ps.setString(10, codec.keyId());
                ps.setString(11, codec.checkpointMac(chain, from, to, prev, last, removed, first, lastAt, runId));
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    private static String choiceHash(int record, int choice) {
        return String.format("%030x%02x", record, choice);
    }

    static void runScenario(AuditDb db) {
        AuditRows rows = new AuditRows(new ObjectMapper());
        ChainCodec codec = ChainCodec.fromSecret(SECRET);
        ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "node-a").start();
        ChainVerifier verifier = new ChainVerifier(db.dataSource(), codec, rows);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        LegalHolds holds = new LegalHolds(db.dataSource(), clock);
        RetentionJob job = new RetentionJob(db.dataSource(), codec, new AuditProperties.Retention(365, null, 7, null), clock);

        // 40 old records (400..361 days ago), 10 recent ones (10..1 days ago)
        for (int i = 0; i < 40; i++) {
            Instant at = NOW.minus(400 - i, ChronoUnit.DAYS);
            String actor = i == 5 ? "p-held-user" : "p-actor" + (i % 3);
            // every tenth (old-1, old-11, …) an answer with three choices: two more turn hashes (turns45)
            sink.append(i % 10 == 1 ? Records.withOtherChoices("old-" + i, at, actor, List.of(choiceHash(i, 1), choiceHash(i, 2)))
                            : Records.sample("old-" + i, at, actor, "Burgerzaken", "brieven-opstellen", "allowed"),
                    i % 10 == 0 ? new RetainedContent("[PERSOON_1] vraagt…", "Geachte [PERSOON_1]", at.plus(30, ChronoUnit.DAYS)) : null);
        }
        for (int i = 0; i < 10; i++) {
            Instant at = NOW.minus(10 - i, ChronoUnit.DAYS);
            sink.append(Records.sample("new-" + i, at),
                    new RetainedContent("prompt " + i, "answer " + i, at.plus(i < 5 ? 3 : 30, ChronoUnit.DAYS)));
        }
        // holds: one trace, one user, one period (days 390..385 ago => old-10..old-14), one released
        holds.place("old-3", null, null, null, "bezwaarprocedure zaak 2027-0042", "auditor");
        holds.place(null, "p-held-user", null, null, "klacht inwoner", "auditor");
        holds.place(null, null, NOW.minus(390, ChronoUnit.DAYS), NOW.minus(385, ChronoUnit.DAYS), "onderzoek", "auditor");
        long released = holds.place("old-20", null, null, null, "vervallen", "auditor");
        assertThat(holds.release(released, "auditor")).isTrue();
        holds.place("new-1", null, null, null, "inhoud bewaren", "auditor");

        // audit49: the other choices' keys are packed in their record (choice_keys), no rows
        assertThat(db.count("SELECT COUNT(*) FROM audit_record WHERE choice_keys IS NOT NULL")).isEqualTo(4);
        assertThat(db.count("SELECT COUNT(*) FROM audit_choice_key")).isZero();

        RetentionJob.Run run = job.run("test");

        // old: 40 records; 35 expired (>365 days) - held: old-3, old-5 (user), old-10..old-14 (period) = 7 => 28 deleted
        assertThat(run.recordsDeleted()).isEqualTo(28);
        assertThat(run.recordsHeld()).isEqualTo(7);
        assertThat(db.count("SELECT COUNT(*) FROM audit_record")).isEqualTo(50 - 28);
        for (String kept : List.of("old-3", "old-5", "old-10", "old-14", "old-35", "old-39", "new-0")) {
            assertThat(db.count("SELECT COUNT(*) FROM audit_record WHERE trace_id = ?", kept)).as(kept).isEqualTo(1);
        }
        for (String gone : List.of("old-0", "old-4", "old-6", "old-9", "old-15", "old-20", "old-34")) {
            assertThat(db.count("SELECT COUNT(*) FROM audit_record WHERE trace_id = ?", gone)).as(gone).isZero();
        }
        // content: old-0/10/20/30 expired (old-10 held by period), new-0..4 expired (new-1 held) => 3 + 4 deleted
        assertThat(run.contentDeleted()).isEqualTo(7);
        assertThat(run.contentHeld()).isEqualTo(2);
        assertThat(db.count("SELECT COUNT(*) FROM audit_content WHERE trace_id IN ('old-10', 'new-1', 'new-5')")).isEqualTo(3);
        // the other choices' keys go with their records: old-1, old-21, old-31 deleted, old-11 held (turns45, audit49)
        assertThat(db.count("SELECT COUNT(*) FROM audit_record WHERE choice_keys IS NOT NULL")).isEqualTo(1);
        assertThat(db.count("SELECT OCTET_LENGTH(choice_keys) FROM audit_record WHERE trace_id = 'old-11'")).isEqualTo(2 * 8);

        // the run is on record, with checkpoints (ranges split by holds and by batch size 7)
        assertThat(job.runs()).first().satisfies(r -> {
            assertThat(r.id()).isEqualTo(run.id());
            assertThat(r.recordsDeleted()).isEqualTo(28);
            assertThat(r.finishedAt()).isNotNull();
        });
        assertThat(run.checkpoints()).isGreaterThanOrEqualTo(5);
        assertThat(db.count("SELECT SUM(removed_count) FROM audit_checkpoint WHERE run_id = ?", run.id())).isEqualTo(28);

        VerifyReport report = verifier.verify("node-a", null, null);
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(22);
        assertThat(report.checkpointsUsed()).isEqualTo(run.checkpoints());

        // a later run after the holds are released deletes the rest and the chain still verifies
        holds.list().stream().filter(h -> h.releasedAt() == null).forEach(h -> holds.release(h.id(), "auditor"));
        RetentionJob.Run second = job.run("test");
        assertThat(second.recordsDeleted()).isEqualTo(7);
        assertThat(verifier.verify("node-a", null, null).ok()).isTrue();
        sink.append(Records.sample("after", NOW));
        assertThat(verifier.verify("node-a", null, null).ok()).isTrue();

        // deleting records behind the retention job's back is still detected, and so is a forged checkpoint
        db.update("UPDATE audit_checkpoint SET removed_count = removed_count + 1 WHERE from_seq = 1");
        assertThat(verifier.verify("node-a", null, null).problem().kind()).isEqualTo("checkpoint_invalid");
        db.update("UPDATE audit_checkpoint SET removed_count = removed_count - 1 WHERE from_seq = 1");
        db.update("DELETE FROM audit_record WHERE trace_id = 'new-3'");
        VerifyReport broken = verifier.verify("node-a", null, null);
        assertThat(broken.problem().kind()).isEqualTo("missing");
    }
}
