package nl.dijkwacht.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.policy.PolicySet;
import org.junit.jupiter.api.Test;

/** The meters looked up again (not built per request) count exactly as the registry's own meters. */
class RequestMetricsTest {

    private static AuditRecord record(String rule, int status, String errorCode) {
        return AuditRecord.builder().traceId("t").occurredAt(Instant.parse("2026-12-02T10:00:00Z")).endpoint("chat.completions")
                .useCase("algemene-vragen").modelId("gpt-4o-mini").decision("redacted").rule(rule).httpStatus(status)
                .errorCode(errorCode).entityCounts(Map.of("PERSON", 2, "IBAN", 1)).promptTokens(120).completionTokens(30)
                .build();
    }

    private static Exchange exchange() {
        PolicySet policy = new PolicySet("v1", Map.of(), Map.of(), new ModelCatalog(List.of()), List.of());
        return new Exchange("t", Endpoint.CHAT_COMPLETIONS, CallerHeaders.NONE, policy);
    }

    @Test
    void repeatedRequestsCountOnTheSameMetersAsTheRegistryHasThem() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RequestMetrics metrics = new RequestMetrics(registry);
        for (int i = 0; i < 3; i++) {
            metrics.recorded(exchange(), record("pii:redacted", 200, null));
        }
        metrics.recorded(exchange(), record("Purpose:Fraude Score/0.91", 403, "forbidden_purpose"));

        assertThat(registry.get("dijkwacht.requests").tag("rule", "pii:redacted").tag("status", "200").counter().count()).isEqualTo(3.0);
        assertThat(registry.get("dijkwacht.requests").tag("rule", "purpose:fraude_score_0.91").tag("status", "403").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("dijkwacht.refusals").tag("code", "forbidden_purpose").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("dijkwacht.request.added").tag("model", "gpt-4o-mini").timer().count()).isEqualTo(4);
        assertThat(registry.get("dijkwacht.tokens").tag("type", "input").counter().count()).isEqualTo(480.0);
        assertThat(registry.get("dijkwacht.pii.entities").tag("type", "PERSON").tag("direction", "input").counter().count())
                .isEqualTo(8.0);
        assertThat(registry.find("dijkwacht.requests").counters()).hasSize(2);
    }

    @Test
    void entityCountersAreKeptApartByDirectionAndUseCase() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RequestMetrics metrics = new RequestMetrics(registry);
        AuditRecord first = AuditRecord.builder().traceId("t").occurredAt(Instant.parse("2026-12-02T10:00:00Z")).endpoint("chat.completions")
                .useCase("algemene-vragen").modelId("gpt-4o-mini").decision("redacted").rule("pii:redacted").httpStatus(200)
                .entityCounts(Map.of("PERSON", 2)).outputEntityCounts(Map.of("PERSON", 1, "EMAIL", 3)).build();
        AuditRecord other = AuditRecord.builder().traceId("t").occurredAt(Instant.parse("2026-12-02T10:00:00Z")).endpoint("chat.completions")
                .useCase("brieven").modelId("gpt-4o-mini").decision("redacted").rule("pii:redacted").httpStatus(200)
                .entityCounts(Map.of("PERSON", 5)).build();
        for (int i = 0; i < 2; i++) {
            metrics.recorded(exchange(), first);
            metrics.recorded(exchange(), other);
        }

        assertThat(registry.get("dijkwacht.pii.entities").tags("type", "PERSON", "direction", "input", "use_case", "algemene-vragen")
                .counter().count()).isEqualTo(4.0);
        assertThat(registry.get("dijkwacht.pii.entities").tags("type", "PERSON", "direction", "output", "use_case", "algemene-vragen")
                .counter().count()).isEqualTo(2.0);
        assertThat(registry.get("dijkwacht.pii.entities").tags("type", "EMAIL", "direction", "output", "use_case", "algemene-vragen")
                .counter().count()).isEqualTo(6.0);
        assertThat(registry.get("dijkwacht.pii.entities").tags("type", "PERSON", "direction", "input", "use_case", "brieven")
                .counter().count()).isEqualTo(10.0);
        assertThat(registry.find("dijkwacht.pii.entities").counters()).hasSize(4);
    }

    @Test
    void ruleTagIsUnchanged() {
        assertThat(RequestMetrics.ruleTag(null)).isEqualTo("none");
        assertThat(RequestMetrics.ruleTag("Purpose:Fraude Score/0.91")).isEqualTo("purpose:fraude_score_0.91");
        assertThat(RequestMetrics.ruleTag("x".repeat(100))).hasSize(80);
    }
}
