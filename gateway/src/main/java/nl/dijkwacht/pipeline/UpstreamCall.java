package nl.dijkwacht.pipeline;

import java.time.Instant;
import nl.dijkwacht.catalog.ModelDefinition;

/**
 * One call to a model's upstream within a request (a request with fallbacks has several): when it started, how long
 * it took, when the first token came (streams; {@code -1} otherwise) and how it ended ({@code ok} or the failure
 * kind). Timing only — metrics and traces are built from these after the request.
 */
public record UpstreamCall(ModelDefinition model, Instant startedAt, long durationNanos, long firstTokenNanos, String outcome) {

    public static final String OK = "ok";

    public boolean ok() {
        return OK.equals(outcome);
    }
}
