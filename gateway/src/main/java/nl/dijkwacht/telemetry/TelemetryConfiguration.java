package nl.dijkwacht.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import nl.dijkwacht.audit.AuditProperties;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.query.AuditVerification;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
    MeterBinder auditStoreMeters(ChainedJdbcAuditSink sink) {
        return meters -> {
            Gauge.builder("dijkwacht.audit.queue.depth", sink, ChainedJdbcAuditSink::queueDepth)
                    .description("Audit records waiting for the writer").tag("chain", sink.chainId()).register(meters);
            Gauge.builder("dijkwacht.audit.store.up", sink, s -> s.available() ? 1 : 0)
                    .description("1 while the audit store takes writes; 0 while requests are refused with 503 audit_unavailable")
                    .tag("chain", sink.chainId()).register(meters);
        };
    }

    @Bean(destroyMethod = "close")
    ChainWatch chainWatch(AuditVerification verification, AuditProperties properties, MeterRegistry meters,
                          @Value("${dijkwacht.telemetry.chain-check-interval:1h}") Duration interval) {
        return new ChainWatch(verification, properties.chainId(), interval, meters);
    }
}
