package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.VerifyCommand;
import nl.dijkwacht.audit.chain.VerifyReport;
import nl.dijkwacht.audit.retention.RetentionJob;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A year's chain need not be walked from its first record every time: verification resumes after the last link of an
 * earlier run and runs in slices, and still finds what a full walk finds in the part it walks.
 */
class ChainVerifyResumeTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    static final int RECORDS = 2_000;
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    AuditDb db;
    ChainCodec codec = ChainCodec.fromSecret(SECRET);
    AuditRows rows = new AuditRows(new ObjectMapper());
    ChainVerifier verifier;

    @BeforeEach
    void setUp() throws Exception {
        db = AuditDb.h2();
        BulkChain.write(db, codec, rows, "main", RECORDS, seq -> Records.sample("t-" + seq, START.plusSeconds(seq * 3600)));
        verifier = new ChainVerifier(db.dataSource(), codec, rows);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    String hashAt(long seq) {
        return AuditRows.hashText(new org.springframework.jdbc.core.JdbcTemplate(db.dataSource()).queryForObject(
                "SELECT record_hash FROM audit_record WHERE chain_id = 'main' AND seq = ?", byte[].class, seq));
    }

    @Test
    void aFullWalkEndsWithTheLinkToResumeFrom() {
        VerifyReport full = verifier.verify("main", null, null);
        assertThat(full.ok()).as("%s", full).isTrue();
        assertThat(full.recordsChecked()).isEqualTo(RECORDS);
        assertThat(full.resumedFrom()).isZero();
        assertThat(full.lastSeq()).isEqualTo(RECORDS);
        assertThat(full.lastHash()).isEqualTo(verifier.head("main").hash()).isEqualTo(hashAt(RECORDS));
    }

    @Test
    void slicesCoverTheChainAndOnlyTheLastChecksTheHead() {
        VerifyReport slice = verifier.verify("main", null, null, null, 500);
        long checked = slice.recordsChecked();
        int slices = 1;
        while (slice.ok() && slice.lastSeq() < slice.headSeq()) {
            slice = verifier.verify("main", null, null, new ChainVerifier.Resume(slice.lastSeq(), slice.lastHash()), slice.lastSeq() + 500);
            checked += slice.recordsChecked();
            slices++;
        }
        assertThat(slice.ok()).as("%s", slice).isTrue();
        assertThat(slices).isEqualTo(4);
        assertThat(checked).isEqualTo(RECORDS);
        assertThat(slice.lastHash()).isEqualTo(verifier.head("main").hash());

        // a slice that does not reach the head: a truncated head is not its business, a gap inside it is
        db.update("DELETE FROM audit_record WHERE chain_id = 'main' AND seq = 700");
        VerifyReport gap = verifier.verify("main", null, null, new ChainVerifier.Resume(500, hashAt(500)), 800);
        assertThat(gap.ok()).isFalse();
        assertThat(gap.problem().kind()).isEqualTo("missing");
        assertThat(gap.problem().seq()).isEqualTo(700);
        VerifyReport before = verifier.verify("main", null, null, null, 699);
        assertThat(before.ok()).as("%s", before).isTrue();
        assertThat(before.lastSeq()).isEqualTo(699);
        VerifyReport endsInTheGap = verifier.verify("main", null, null, new ChainVerifier.Resume(600, hashAt(600)), 700);
        assertThat(endsInTheGap.ok()).isFalse();
        assertThat(endsInTheGap.problem().kind()).isEqualTo("missing");
    }

    @Test
    void resumingWalksOnlyWhatFollowsAndStillFindsAChangeThere() {
        VerifyReport resumed = verifier.verify("main", null, null, new ChainVerifier.Resume(1_000, hashAt(1_000)), Long.MAX_VALUE);
        assertThat(resumed.ok()).as("%s", resumed).isTrue();
        assertThat(resumed.recordsChecked()).isEqualTo(RECORDS - 1_000);
        assertThat(resumed.resumedFrom()).isEqualTo(1_000);

        db.update("UPDATE audit_record SET prompt_tokens = prompt_tokens + 1 WHERE chain_id = 'main' AND seq = 1500");
        VerifyReport changed = verifier.verify("main", null, null, new ChainVerifier.Resume(1_000, hashAt(1_000)), Long.MAX_VALUE);
        assertThat(changed.ok()).isFalse();
        assertThat(changed.problem().kind()).isEqualTo("hash_mismatch");
        assertThat(changed.problem().seq()).isEqualTo(1500);
        assertThat(changed.lastHash()).isNull();
    }

    @Test
    void aResumePointTheChainDoesNotHaveIsAMismatchNotAPass() {
        VerifyReport wrong = verifier.verify("main", null, null, new ChainVerifier.Resume(1_000, "0".repeat(64)), Long.MAX_VALUE);
        assertThat(wrong.ok()).isFalse();
        assertThat(wrong.problem().kind()).isEqualTo("anchor_mismatch");
        assertThat(wrong.problem().seq()).isEqualTo(1_000);
        assertThat(wrong.recordsChecked()).isZero();

        VerifyReport beyond = verifier.verify("main", null, null, new ChainVerifier.Resume(RECORDS + 5, hashAt(RECORDS)), Long.MAX_VALUE);
        assertThat(beyond.ok()).as("resuming beyond the head is a truncated chain, not a pass").isFalse();

        assertThatThrownBy(() -> verifier.verify("main", 10L, hashAt(10), new ChainVerifier.Resume(1_000, hashAt(1_000)), Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        VerifyReport anchored = verifier.verify("main", 1_500L, hashAt(1_500), new ChainVerifier.Resume(1_000, hashAt(1_000)), Long.MAX_VALUE);
        assertThat(anchored.ok()).as("%s", anchored).isTrue();
        VerifyReport wrongAnchor = verifier.verify("main", 1_500L, hashAt(1_499), new ChainVerifier.Resume(1_000, hashAt(1_000)), Long.MAX_VALUE);
        assertThat(wrongAnchor.problem().kind()).isEqualTo("anchor_mismatch");
    }

    @Test
    void aResumePointRetentionRemovedFallsBackToTheFirstLink() {
        long seq = 200;
        String hash = hashAt(seq);
        // metadata kept 30 days on 2026-03-10: the records of before 2026-02-08 (seq 1..911, one checkpoint) expire
        new RetentionJob(db.dataSource(), codec, new AuditProperties.Retention(30, null, 1_000, null),
                Clock.fixed(Instant.parse("2026-03-10T00:00:00Z"), ZoneOffset.UTC)).run("test");
        assertThat(db.count("SELECT COUNT(*) FROM audit_record WHERE seq = ?", seq)).isZero();

        VerifyReport resumed = verifier.verify("main", null, null, new ChainVerifier.Resume(seq, hash), Long.MAX_VALUE);
        assertThat(resumed.ok()).as("%s", resumed).isTrue();
        assertThat(resumed.resumedFrom()).as("inside a removed range the walk starts over").isZero();
        assertThat(resumed.checkpointsUsed()).isPositive();

        // resuming exactly at a checkpoint's last link ties on through the checkpoint's own hash
        long cut = db.count("SELECT MIN(to_seq) FROM audit_checkpoint WHERE chain_id = 'main'");
        VerifyReport atCheckpointEnd = verifier.verify("main", null, null, new ChainVerifier.Resume(cut,
                new org.springframework.jdbc.core.JdbcTemplate(db.dataSource()).queryForObject(
                        "SELECT last_hash FROM audit_checkpoint WHERE chain_id = 'main' AND to_seq = ?", String.class, cut)), Long.MAX_VALUE);
        assertThat(atCheckpointEnd.ok()).as("%s", atCheckpointEnd).isTrue();
        assertThat(atCheckpointEnd.resumedFrom()).isEqualTo(cut);
    }

    @Test
    void theCommandResumesAndSlices() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("secret", ".key");
        java.nio.file.Files.writeString(secret, Base64.getEncoder().encodeToString(SECRET));
        String[] base = {"--url=" + db.url(), "--user=sa", "--secret-file=" + secret, "--chain=main"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] slice = concat(base, "--to-seq=1200");
        assertThat(VerifyCommand.run(slice, new PrintStream(out), new PrintStream(err))).as(err.toString()).isZero();
        var report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).path("chains").path(0);
        assertThat(report.path("last_seq").asLong()).isEqualTo(1200);
        assertThat(report.path("records_checked").asLong()).isEqualTo(1200);

        out.reset();
        String[] rest = concat(base, "--from-seq=" + report.path("last_seq").asLong(), "--from-hash=" + report.path("last_hash").asText());
        assertThat(VerifyCommand.run(rest, new PrintStream(out), new PrintStream(err))).as(err.toString()).isZero();
        var second = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).path("chains").path(0);
        assertThat(second.path("records_checked").asLong()).isEqualTo(RECORDS - 1200);
        assertThat(second.path("resumed_from").asLong()).isEqualTo(1200);

        assertThat(VerifyCommand.run(concat(base, "--from-seq=5"), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        java.nio.file.Files.delete(secret);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
