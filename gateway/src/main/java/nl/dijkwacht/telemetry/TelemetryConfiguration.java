package nl.dijkwacht.telemetry;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.opentelemetry.api.OpenTelemetry;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.chain.TenantChains;
import nl.dijkwacht.audit.query.AuditVerification;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Metrics and traces of the request path and the audit store (names: docs/deployment.md, "Metrics"). */
@Configuration(proxyBeanMethods = false)
public class TelemetryConfiguration {

    @Bean
    RequestMetrics requestMetrics(MeterRegistry meters) {
        return new RequestMetrics(meters);
    }

    @Bean
    GenAiSpans genAiSpans(ObjectProvider<OpenTelemetry> openTelemetry) {
        OpenTelemetry otel = openTelemetry.getIfAvailable(OpenTelemetry::noop);
        return new GenAiSpans(otel.getTracer("nl.dijkwacht.gateway"));
    }

    /** Audit writer queue depth and whether the audit store takes writes (1) or requests are being refused (0). */
    @Bean
    MeterBinder auditStoreMeters(ChainedJdbcAuditSink sink, TenantChains chains) {
        // tagged with the instance's chain id as before; with several tenants the values cover every tenant's writer
        return meters -> {
            Gauge.builder("dijkwacht.audit.queue.depth", chains, TenantChains::queueDepth)
                    .description("Audit records waiting for the writers").tag("chain", sink.chainId()).register(meters);
            Gauge.builder("dijkwacht.audit.store.up", chains, s -> s.available() ? 1 : 0)
                    .description("1 while the audit store takes writes; 0 while requests are refused with 503 audit_unavailable")
                    .tag("chain", sink.chainId()).register(meters);
            for (boolean byCaller : new boolean[] {true, false}) {
                FunctionCounter.builder("dijkwacht.audit.batches", chains, c -> c.batches(byCaller))
                        .description("Audit write transactions: by a lone request on its own thread, or group commits of the writer thread")
                        .tag("chain", sink.chainId()).tag("writer", byCaller ? "request" : "writer_thread").register(meters);
            }
            FunctionCounter.builder("dijkwacht.audit.group.commit.waits", chains,
                            TenantChains::groupCommitWaits)
                    .description("Waits of the audit writer threads for a fuller group commit under load (at most dijkwacht.audit.group-commit-wait each)")
                    .tag("chain", sink.chainId()).register(meters);
        };
    }

    @Bean(destroyMethod = "close")
    ChainWatch chainWatch(AuditVerification verification, TenantChains chains,
                          nl.dijkwacht.tenancy.Tenants tenants, MeterRegistry meters,
                          TelemetryProperties telemetry) {
        // one chain per tenant on this replica: the default tenant's first (its id is dijkwacht.audit.chain-id)
        java.util.List<String> ids = tenants.all().stream().map(t -> chains.chainOf(t.id())).distinct().toList();
        return new ChainWatch(verification, ids, telemetry.chainCheckInterval(), telemetry.chainFullWalkInterval(),
                java.time.Clock.systemUTC(), meters);
    }
}
