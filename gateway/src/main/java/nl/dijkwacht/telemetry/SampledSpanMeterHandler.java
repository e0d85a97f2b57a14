package nl.dijkwacht.telemetry;

import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingAwareMeterObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * A meter observation handler (the request timer) that stops its meters inside the span's scope only when the span is
 * sampled. Micrometer's {@link TracingAwareMeterObservationHandler}, which Spring Boot wraps around every meter handler,
 * opens the scope at every stop so that a Prometheus exemplar can name the trace; the Prometheus client takes an
 * exemplar only from a sampled span, so for the others (nine in ten at the default sampling of 0.1) the scope was opened
 * and closed for nothing (docs/history/benchmark-sessions.md, json17 and obs18).
 */
final class SampledSpanMeterHandler<T extends Observation.Context> extends TracingAwareMeterObservationHandler<T> {

    private final MeterObservationHandler<T> meters;

    SampledSpanMeterHandler(MeterObservationHandler<T> meters, Tracer tracer) {
        super(meters, tracer);
        this.meters = meters;
    }

    @Override
    public void onStop(T context) {
        if (sampled(context)) {
            super.onStop(context);
        } else {
            meters.onStop(context);
        }
    }

    static boolean sampled(Observation.Context context) {
        TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        return span != null && Boolean.TRUE.equals(span.context().sampled());
    }
}
