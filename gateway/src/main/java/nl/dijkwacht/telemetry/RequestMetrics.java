package nl.dijkwacht.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.RecordListener;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.UpstreamCall;

/**
 * Request metrics, recorded once per request from its committed audit record, so they count what the audit holds.
 * Every tag value comes from the policy (model and use-case ids), from code (decision, rule, error code) or from a
 * small fixed set — never from what a caller sent — so a caller cannot blow up the number of series. The metric names
 * are listed in docs/deployment.md ("Metrics") and asserted by MetricsScrapeTest.
 */
public final class RequestMetrics implements RecordListener {

    static final String NONE = "none";
    private static final Pattern RULE_CHARS = Pattern.compile("[^a-z0-9:._>-]");
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final MeterRegistry meters;

    public RequestMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void recorded(Exchange exchange, AuditRecord record) {
        String model = orNone(record.modelId());
        String useCase = orNone(record.useCase());
        String endpoint = record.endpoint();
        Counter.builder("dijkwacht.requests")
                .description("Requests by endpoint, model, use-case, decision, rule and HTTP status (one per audit record)")
                .tags("endpoint", endpoint, "model", model, "use_case", useCase, "decision", record.decision(),
                        "rule", rule(record.rule()), "status", Integer.toString(record.httpStatus()),
                        "streamed", Boolean.toString(record.streamed()))
                .register(meters).increment();
        if (record.errorCode() != null) {
            Counter.builder("dijkwacht.refusals")
                    .description("Refused or failed requests by error code (the OpenAI error 'code' the tool got)")
                    .tags("code", record.errorCode(), "status", Integer.toString(record.httpStatus()), "use_case", useCase)
                    .register(meters).increment();
        }
        long total = exchange.elapsedNanos();
        long upstream = exchange.upstreamNanos();
        Timer.builder("dijkwacht.request.added")
                .description("Time the gateway adds to a request: total time minus time waiting for upstream models")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .tags("endpoint", endpoint, "model", model, "streamed", Boolean.toString(record.streamed()))
                .register(meters).record(Math.max(0, total - upstream), TimeUnit.NANOSECONDS);
        for (UpstreamCall call : exchange.upstreamCalls()) {
            upstream(call);
        }
        if (record.promptTokens() > 0) {
            tokens(model, useCase, "input").increment(record.promptTokens());
        }
        if (record.completionTokens() > 0) {
            tokens(model, useCase, "output").increment(record.completionTokens());
        }
        record.entityCounts().forEach((type, n) -> entities(type, "input", useCase).increment(n));
        record.outputEntityCounts().forEach((type, n) -> entities(type, "output", useCase).increment(n));
        String rule = record.rule();
        if (rule != null && rule.startsWith("fallback:")) {
            for (UpstreamCall call : exchange.upstreamCalls()) {
                if (!call.ok()) {
                    Counter.builder("dijkwacht.fallbacks")
                            .description("Model calls that failed and were retried on an approved fallback model")
                            .tags("from", call.model().id(), "reason", call.outcome())
                            .register(meters).increment();
                }
            }
        }
    }

    private void upstream(UpstreamCall call) {
        ModelDefinition model = call.model();
        String upstream = upstreamName(model);
        Timer.builder("dijkwacht.upstream.latency")
                .description("Duration of each model call (for streams: until the stream ended), by outcome")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .tags("model", model.id(), "upstream", upstream, "outcome", call.outcome())
                .register(meters).record(call.durationNanos(), TimeUnit.NANOSECONDS);
        if (call.firstTokenNanos() >= 0) {
            Timer.builder("dijkwacht.upstream.ttft")
                    .description("Time to first token of streamed answers: from the model call until the first chunk reached the tool")
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .tags("model", model.id(), "upstream", upstream)
                    .register(meters).record(call.firstTokenNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private Counter tokens(String model, String useCase, String type) {
        return Counter.builder("dijkwacht.tokens").description("Tokens by model, use-case and direction (input = prompt, output = completion)")
                .tags("model", model, "use_case", useCase, "type", type).register(meters);
    }

    private Counter entities(String type, String direction, String useCase) {
        return Counter.builder("dijkwacht.pii.entities")
                .description("Personal data found, by entity type: input = in prompts, output = added by the model (counts only)")
                .tags("type", type, "direction", direction, "use_case", useCase).register(meters);
    }

    /** {@code provider/host} of a model's upstream (from the catalogue); {@code builtin} for models without a URL. */
    static String upstreamName(ModelDefinition model) {
        String provider = model.provider().yamlName();
        if (model.baseUrl() == null || model.baseUrl().getHost() == null) {
            return provider;
        }
        return provider + "/" + model.baseUrl().getHost().toLowerCase(Locale.ROOT);
    }

    /** Rules come from policy and code; still, keep the tag short and plain. */
    static String rule(String rule) {
        if (rule == null || rule.isBlank()) {
            return NONE;
        }
        String plain = RULE_CHARS.matcher(rule.toLowerCase(Locale.ROOT)).replaceAll("_");
        return plain.length() > 80 ? plain.substring(0, 80) : plain;
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
