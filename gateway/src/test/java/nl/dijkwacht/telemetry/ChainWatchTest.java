package nl.dijkwacht.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.dijkwacht.audit.AuditDb;
import nl.dijkwacht.audit.ContentRedactor;
import nl.dijkwacht.audit.Records;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.oversight.Oversight;
import nl.dijkwacht.audit.query.AuditVerification;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.pii.PiiEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import nl.dijkwacht.support.MovingClock;

/**
 * The periodic chain check resumes after the last link it verified and walks the whole chain once a day (an edit
 * behind the resume point is caught by that daily walk, one after it by the next hourly check). The periodic chain check behind {@code dijkwacht_audit_chain_valid} (the "chain broken" alert) goes through the same
 * {@link AuditVerification} as the auditor's verify endpoint: 1 for an intact chain, 0 as soon as a record is changed,
 * and -1 (never "valid") for a replica that has written nothing yet.
 */
class ChainWatchTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    AuditDb db;
    ChainedJdbcAuditSink sink;
    AuditVerification verification;
    SimpleMeterRegistry meters;

    @BeforeEach
    void setUp() {
        db = AuditDb.h2();
        AuditRows rows = new AuditRows(new ObjectMapper());
        ChainCodec codec = ChainCodec.fromSecret(SECRET);
        sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "pod-a").start();
        Oversight oversight = new Oversight(db.dataSource(), new ContentRedactor(PiiEngine.structuredOnly()), codec, Clock.systemUTC());
        verification = new AuditVerification(new ChainVerifier(db.dataSource(), codec, rows), oversight, Clock.systemUTC());
        meters = new SimpleMeterRegistry();
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        for (int i = 1; i <= 5; i++) {
            sink.append(Records.sample("watch-" + i, t.plusSeconds(i)));
        }
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    final MovingClock clock = new MovingClock();

    private ChainWatch watch(String chainId) {
        // interval 0: no scheduled checks, the test calls check() itself
        return new ChainWatch(verification, List.of(chainId), Duration.ZERO, Duration.ofHours(24), clock, meters);
    }

    private double walks(String walk, String result) {
        return meters.get("dijkwacht.audit.chain.walks").tag("chain", "pod-a").tag("walk", walk).tag("result", result).counter().count();
    }

    private void appendMore(int from, int to) {
        Instant t = Instant.parse("2026-03-02T10:00:00Z");
        for (int i = from; i <= to; i++) {
            sink.append(Records.sample("watch-" + i, t.plusSeconds(i)));
        }
    }

    @Test
    void theHourlyCheckResumesAfterTheLastVerifiedLinkAndTheDailyOneWalksEverything() {
        try (ChainWatch watch = watch("pod-a")) {
            watch.check();
            assertThat(walks("full", "valid")).as("the first check after the start walks everything").isEqualTo(1);
            assertThat(gauge("dijkwacht.audit.chain.last.walk.full", "pod-a")).isEqualTo(1);
            assertThat(gauge("dijkwacht.audit.chain.verified.seq", "pod-a")).isEqualTo(5);

            appendMore(6, 8);
            clock.now = clock.now.plus(Duration.ofHours(1));
            watch.check();
            assertThat(walks("resumed", "valid")).isEqualTo(1);
            assertThat(gauge("dijkwacht.audit.chain.last.walk.full", "pod-a")).isZero();
            assertThat(gauge("dijkwacht.audit.chain.checked.records", "pod-a")).as("only the hour's records").isEqualTo(3);
            assertThat(gauge("dijkwacht.audit.chain.verified.seq", "pod-a")).isEqualTo(8);
            assertThat(gauge("dijkwacht.audit.chain.valid", "pod-a")).isEqualTo(1);

            clock.now = clock.now.plus(Duration.ofHours(23));
            watch.check();
            assertThat(walks("full", "valid")).as("a day after the last full walk").isEqualTo(2);
            assertThat(gauge("dijkwacht.audit.chain.checked.records", "pod-a")).isEqualTo(8);
        }
    }

    @Test
    void anEditBehindTheResumePointIsCaughtByTheDailyWalk() {
        try (ChainWatch watch = watch("pod-a")) {
            watch.check();
            db.update("UPDATE audit_record SET department = 'Sociaal domein' WHERE chain_id = 'pod-a' AND seq = 3");
            appendMore(6, 7);

            clock.now = clock.now.plus(Duration.ofHours(1));
            watch.check();
            assertThat(walks("resumed", "valid")).as("the hourly walk trusts what it verified before").isEqualTo(1);

            clock.now = clock.now.plus(Duration.ofHours(23));
            watch.check();
            assertThat(walks("full", "broken")).isEqualTo(1);
            assertThat(gauge("dijkwacht.audit.chain.valid", "pod-a")).isEqualTo(0);

            clock.now = clock.now.plus(Duration.ofHours(1));
            watch.check();
            assertThat(gauge("dijkwacht.audit.chain.valid", "pod-a")).as("a broken chain stays broken: the next check walks it all again").isEqualTo(0);
            assertThat(walks("full", "broken")).isEqualTo(2);
            assertThat(walks("resumed", "valid")).isEqualTo(1);
        }
    }

    @Test
    void anEditAfterTheResumePointIsCaughtByTheNextHourlyCheck() {
        try (ChainWatch watch = watch("pod-a")) {
            watch.check();
            appendMore(6, 8);
            db.update("UPDATE audit_record SET department = 'Sociaal domein' WHERE chain_id = 'pod-a' AND seq = 7");

            clock.now = clock.now.plus(Duration.ofHours(1));
            watch.check();
            assertThat(walks("resumed", "broken")).isEqualTo(1);
            assertThat(gauge("dijkwacht.audit.chain.valid", "pod-a")).isEqualTo(0);
            assertThat(gauge("dijkwacht.audit.chain.verified.seq", "pod-a")).as("the resume point does not move past a problem").isEqualTo(5);
        }
    }

    private double gauge(String name, String chainId) {
        return meters.get(name).tag("chain", chainId).gauge().value();
    }

    @Test
    void anIntactChainIsValidAndAChangedRecordMakesItBroken() {
        try (ChainWatch watch = watch("pod-a")) {
            assertThat(gauge("dijkwacht.audit.chain.valid", "pod-a")).as("before the first check").isEqualTo(-1);

            watch.check();
            assertThat(gauge("dijkwacht.audit.chain.valid", "pod-a")).isEqualTo(1);
            assertThat(gauge("dijkwacht.audit.chain.checked.records", "pod-a")).isEqualTo(5);

            db.update("UPDATE audit_record SET department = 'Sociaal domein' WHERE chain_id = 'pod-a' AND seq = 3");
            clock.now = clock.now.plus(Duration.ofHours(24)); // the daily full walk (an hourly one resumes after seq 5)
            watch.check();
            assertThat(gauge("dijkwacht.audit.chain.valid", "pod-a")).isEqualTo(0);
            assertThat(verification.verify("pod-a", null).firstBroken()).hasValueSatisfying(r ->
                    assertThat(r.problem().seq()).isEqualTo(3));
        }
    }

    @Test
    void aReplicaThatHasWrittenNothingIsNeverReportedValid() {
        try (ChainWatch watch = watch("pod-b")) {
            watch.check();
            assertThat(gauge("dijkwacht.audit.chain.valid", "pod-b")).isEqualTo(-1);
            assertThat(gauge("dijkwacht.audit.chain.checked.records", "pod-b")).isZero();
        }
    }
}
