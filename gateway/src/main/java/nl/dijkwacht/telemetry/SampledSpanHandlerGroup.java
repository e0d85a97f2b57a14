package nl.dijkwacht.telemetry;

import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry.ObservationConfig;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingAwareMeterObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationHandlerGroup;

/**
 * Spring Boot's group of tracing and meter observation handlers, with one difference: the meter handlers are wrapped in
 * {@link SampledSpanMeterHandler} instead of Micrometer's {@link TracingAwareMeterObservationHandler}. It claims the same
 * handlers as Boot's own group and is ordered before it, so Boot's group is left with none; like Boot's, it registers
 * the tracing handlers first (a span is started before the timer and ended after it).
 */
final class SampledSpanHandlerGroup implements ObservationHandlerGroup {

    private final Tracer tracer;

    SampledSpanHandlerGroup(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public boolean isMember(ObservationHandler<?> handler) {
        return handler instanceof MeterObservationHandler<?> || handler instanceof TracingObservationHandler<?>;
    }

    @Override
    public void registerMembers(ObservationConfig config, List<ObservationHandler<?>> members) {
        List<ObservationHandler<?>> tracing = new ArrayList<>(members.size());
        List<ObservationHandler<?>> meters = new ArrayList<>(members.size());
        for (ObservationHandler<?> member : members) {
            if (member instanceof MeterObservationHandler<?> meter && !(member instanceof TracingAwareMeterObservationHandler<?>)) {
                meters.add(sampledOnly(meter));
            } else {
                tracing.add(member);
            }
        }
        register(config, tracing);
        register(config, meters);
    }

    private <T extends Observation.Context> ObservationHandler<T> sampledOnly(MeterObservationHandler<T> meter) {
        return new SampledSpanMeterHandler<>(meter, tracer);
    }

    private static void register(ObservationConfig config, List<ObservationHandler<?>> handlers) {
        if (handlers.size() == 1) {
            config.observationHandler(handlers.getFirst());
        } else if (!handlers.isEmpty()) {
            config.observationHandler(new FirstMatchingCompositeObservationHandler(handlers));
        }
    }

    /** Before every other group, Boot's tracing-and-meter group and its meter group included. */
    @Override
    public int compareTo(ObservationHandlerGroup other) {
        return other instanceof SampledSpanHandlerGroup ? 0 : -1;
    }

    /** As Boot's tracing-and-meter group: its ordering asks whether this type is a meter handler (no: it goes after this). */
    @Override
    public Class<?> handlerType() {
        return TracingObservationHandler.class;
    }
}
