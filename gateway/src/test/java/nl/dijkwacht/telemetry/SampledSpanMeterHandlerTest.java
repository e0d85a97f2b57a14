package nl.dijkwacht.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The request timer is stopped inside its span's scope (so a Prometheus exemplar can name the trace) when the span is
 * sampled, and outside it when not; it is stopped either way. Real OpenTelemetry SDK, Micrometer's OTel bridge and
 * meter handler, registered through {@link SampledSpanHandlerGroup} as the gateway registers them.
 */
class SampledSpanMeterHandlerTest {

    @Test
    void aSampledSpanIsTheCurrentSpanWhileTheTimerStops() {
        Stop stop = observe(Sampler.alwaysOn());
        assertThat(stop.spanAtStop()).isNotNull();
        assertThat(stop.spanAtStop().context().traceId()).isEqualTo(stop.observedSpan().context().traceId());
        assertThat(stop.spanAtStop().context().spanId()).isEqualTo(stop.observedSpan().context().spanId());
        assertThat(stop.timerCount()).isEqualTo(1);
    }

    @Test
    void aSampledOutSpanIsNotPutInScopeButTheTimerStillStops() {
        Stop stop = observe(Sampler.alwaysOff());
        assertThat(stop.observedSpan()).isNotNull();
        assertThat(stop.observedSpan().context().sampled()).isFalse();
        assertThat(stop.spanAtStop()).isNull();
        assertThat(stop.timerCount()).isEqualTo(1);
    }

    private record Stop(Span observedSpan, Span spanAtStop, long timerCount) {
    }

    private static Stop observe(Sampler sampler) {
        SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(sampler).build();
        try {
            OtelTracer tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> { });
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            AtomicReference<Span> atStop = new AtomicReference<>();
            DefaultMeterObservationHandler timer = new DefaultMeterObservationHandler(meters) {
                @Override
                public void onStop(Observation.Context context) {
                    atStop.set(tracer.currentSpan());
                    super.onStop(context);
                }
            };
            ObservationRegistry registry = ObservationRegistry.create();
            new SampledSpanHandlerGroup(tracer).registerMembers(registry.observationConfig(),
                    List.of(new DefaultTracingObservationHandler(tracer), timer));

            Observation observation = Observation.start("test.request", registry);
            TracingObservationHandler.TracingContext tracing =
                    observation.getContext().getRequired(TracingObservationHandler.TracingContext.class);
            Span observed = tracing.getSpan();
            observation.stop();

            return new Stop(observed, atStop.get(), meters.get("test.request").timer().count());
        } finally {
            provider.close();
        }
    }
}
