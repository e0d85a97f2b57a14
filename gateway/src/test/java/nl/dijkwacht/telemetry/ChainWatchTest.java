package nl.dijkwacht.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

/**
 * The periodic chain check behind {@code dijkwacht_audit_chain_valid} (the "chain broken" alert) goes through the same
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

    private ChainWatch watch(String chainId) {
        // interval 0: no scheduled checks, the test calls check() itself
        return new ChainWatch(verification, chainId, Duration.ZERO, meters);
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
