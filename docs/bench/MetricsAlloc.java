// Heap allocated per request by the request metrics (telemetry.RequestMetrics.recorded) on the harness request's
// shape: a redacted JSON answer from one model call, six input entity types, tokens both ways; recorded into a
// Prometheus registry as the gateway's, in one thread counted with ThreadMXBean (exact; timings printed are only a hint).
// Exact within one JVM only: between JVMs the count moves with what the JIT's escape analysis removes (1,144–1,208
// bytes for the session-41 code over three JVMs, review42), so compare builds over several JVMs each, or with -Xint.
//
//   J=/usr/lib/jvm/temurin-25-jdk-amd64/bin; L=<jar's BOOT-INF/lib, unzipped>
//   CP=gateway/target/classes:$(ls $L/*.jar | tr '\n' :)
//   $J/javac -d /tmp/ma -cp $CP docs/bench/MetricsAlloc.java && $J/java -cp /tmp/ma:$CP nl.dijkwacht.telemetry.MetricsAlloc 200000
package nl.dijkwacht.telemetry;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.policy.PolicySet;

public class MetricsAlloc {
    public static void main(String[] args) {
        RequestMetrics metrics = new RequestMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        ModelDefinition model = new ModelDefinition("gpt-4o-mini", null, ProviderKind.OPENAI_COMPATIBLE,
                URI.create("http://127.0.0.1:18080/v1"), "gpt-4o-mini", null,
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), false, "m.yaml");
        PolicySet policy = new PolicySet("v1", Map.of(), Map.of(), new ModelCatalog(List.of()), List.of());
        AuditRecord record = AuditRecord.builder().traceId("t").occurredAt(Instant.parse("2026-12-02T10:00:00Z"))
                .endpoint("chat.completions").useCase("algemene-vragen").modelId("gpt-4o-mini").decision("redacted")
                .rule("pii:redacted").httpStatus(200)
                .entityCounts(Map.of("PERSON", 2, "EMAIL", 1, "PHONE", 1, "BSN", 1, "IBAN", 1, "ADDRESS", 1))
                .promptTokens(412).completionTokens(22).build();
        Exchange[] exchanges = new Exchange[1024];
        for (int i = 0; i < exchanges.length; i++) {
            exchanges[i] = new Exchange("t", Endpoint.CHAT_COMPLETIONS, CallerHeaders.NONE, policy);
            exchanges[i].upstreamStarted(model);
            exchanges[i].upstreamEnded("ok");
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        int requests = Integer.parseInt(args.length > 0 ? args[0] : "200000");
        for (int round = 0; round < 4; round++) {
            long a0 = mx.getThreadAllocatedBytes(tid);
            long t0 = System.nanoTime();
            for (int r = 0; r < requests; r++) {
                metrics.recorded(exchanges[r & 1023], record);
            }
            long t1 = System.nanoTime();
            long a1 = mx.getThreadAllocatedBytes(tid);
            System.out.printf("round %d: %.0f bytes per request, %.2f us per request (hint)%n", round,
                    (a1 - a0) / (double) requests, (t1 - t0) / 1000.0 / requests);
        }
    }
}
