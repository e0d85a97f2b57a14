package nl.dijkwacht.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.UpstreamCall;
import nl.dijkwacht.policy.PolicySet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The model call's span under the request's server span, with the gateway's sampler (parent-based, as Spring Boot
 * configures it): built and exported when the request's trace is sampled, as a root of its own when there is no server
 * span, and not built at all when the trace was sampled out — the parent-based sampler would have dropped it anyway.
 */
class GenAiSpansTest {

    private final List<SpanData> exported = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .setSampler(Sampler.parentBased(Sampler.alwaysOn()))
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    exported.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            }))
            .build();
    private final AtomicInteger built = new AtomicInteger();
    private final Tracer counting = name -> {
        built.incrementAndGet();
        return provider.get("test").spanBuilder(name);
    };
    private final GenAiSpans spans = new GenAiSpans(counting);

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aSampledRequestGetsItsModelCallsSpanAsAChildOfTheServerSpan() {
        Span server = provider.get("test").spanBuilder("http post").startSpan();
        try (Scope ignored = server.makeCurrent()) {
            spans.recorded(exchangeWithOneCall(), record());
        } finally {
            server.end();
        }
        SpanData call = exported.stream().filter(s -> s.getName().equals("chat echo-7b")).findFirst().orElseThrow();
        assertThat(call.getParentSpanId()).isEqualTo(server.getSpanContext().getSpanId());
        assertThat(call.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model"))).isEqualTo("echo-7b");
        assertThat(call.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(12L);
        SpanData serverData = exported.stream().filter(s -> s.getName().equals("http post")).findFirst().orElseThrow();
        assertThat(serverData.getAttributes().get(AttributeKey.stringKey("dijkwacht.decision"))).isEqualTo("allowed");
    }

    @Test
    void aRequestWhoseTraceWasSampledOutBuildsNoSpan() {
        SpanContext sampledOut = SpanContext.createFromRemoteParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getDefault(), TraceState.getDefault());
        Span server = provider.get("test").spanBuilder("http post")
                .setParent(Context.root().with(Span.wrap(sampledOut))).startSpan();
        assertThat(server.getSpanContext().isSampled()).isFalse();
        try (Scope ignored = server.makeCurrent()) {
            spans.recorded(exchangeWithOneCall(), record());
        } finally {
            server.end();
        }
        assertThat(built).hasValue(0);
        assertThat(exported).isEmpty();
    }

    @Test
    void withoutAServerSpanTheModelCallIsARootSpan() {
        spans.recorded(exchangeWithOneCall(), record());
        assertThat(built).hasValue(1);
        assertThat(exported).singleElement().satisfies(s -> assertThat(s.getParentSpanContext().isValid()).isFalse());
    }

    private static Exchange exchangeWithOneCall() {
        PolicySet policy = new PolicySet("v1", Map.of(), Map.of(), new ModelCatalog(List.of()), List.of());
        Exchange exchange = new Exchange("t", Endpoint.CHAT_COMPLETIONS, CallerHeaders.NONE, policy);
        exchange.upstreamStarted(new ModelDefinition("upstream", null, ProviderKind.OPENAI_COMPATIBLE,
                URI.create("http://127.0.0.1:18080/v1"), "echo-7b", null, Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofSeconds(10), false, "upstream.yaml"));
        exchange.upstreamEnded(UpstreamCall.OK);
        return exchange;
    }

    private static AuditRecord record() {
        return AuditRecord.builder().traceId("t").occurredAt(Instant.parse("2026-12-03T22:00:00Z")).endpoint("chat.completions")
                .useCase("algemene-vragen").modelId("upstream").policyVersion("v1").decision("allowed").httpStatus(200).promptTokens(12)
                .completionTokens(4).build();
    }
}
