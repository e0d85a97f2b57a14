package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.AuditSink;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.audit.RetainedContent;
import nl.dijkwacht.audit.TextHasher;
import org.junit.jupiter.api.Test;

/**
 * review49: refusals of unidentified admin and auditor requests are counted per interval (identity49) — per action too,
 * so that a refused kill switch, policy reload or legal hold during an identity-provider outage is a record of its own and
 * not one more in the count of the console's polling of another endpoint from the same address.
 */
class UnidentifiedRefusalRecordsTest {

    private final List<AuditRecord> written = new ArrayList<>();
    private final AuditSink sink = new AuditSink() {
        @Override
        public void append(AuditRecord record, RetainedContent content) {
            written.add(record);
        }
    };
    private final OperatorActionLog log = new OperatorActionLog(sink, new TextHasher(Map.of("k1", new byte[32]), "k1"),
            tenant -> "v1", Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC), new SimpleMeterRegistry());

    @Test
    void aRefusedKillSwitchAmidPollingIsARecordOfItsOwn() {
        var records = new UnidentifiedRefusalRecords(log, Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC),
                Duration.ofMinutes(5), Duration.ZERO);
        String source = "10.0.0.7";
        for (int i = 0; i < 5; i++) {
            records.refused("gemeente", source, "GET", "/admin/policy", "t-poll-" + i, 503, "identity_provider_unavailable");
        }
        records.refused("gemeente", source, "POST", "/admin/models/gpt-4o/suspend", "t-suspend", 503, "identity_provider_unavailable");
        records.refused("gemeente", source, "GET", "/admin/policy", "t-poll-5", 503, "identity_provider_unavailable");

        assertThat(written).extracting(AuditRecord::bioAction).as("written at once").containsExactly("policy.status", "kill-switch.suspend");
        assertThat(written.get(1).traceId()).isEqualTo("t-suspend");

        records.close();
        assertThat(written).extracting(AuditRecord::bioAction).as("after the counts")
                .containsExactly("policy.status", "kill-switch.suspend", "policy.status");
        assertThat(written.get(2).actionParameters()).contains("\"repeats\":\"5\"");
    }
}
