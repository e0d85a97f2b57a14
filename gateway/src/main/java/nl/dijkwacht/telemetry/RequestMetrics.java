package nl.dijkwacht.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Beyond this many entries in one of the maps below, meters are looked up in the registry each time (no growth). */
    static final int CACHE_LIMIT = 2_000;

    private final MeterRegistry meters;
    /**
     * The meters already registered, by name and tag values: the registry gives the same meter for the same name and
     * tags, so looking it up here instead of building the id (tags sorted, filters applied) on every request changes
     * nothing but the cost.
     */
    private final ConcurrentHashMap<List<String>, Object> registered = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> ruleTags = new ConcurrentHashMap<>();
    /**
     * The entity counters by use-case, then entity type, one table per direction: a request names several types, and
     * a key built per type was most of the heap these metrics took per request (obs26).
     */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Counter>> inputEntities = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Counter>> outputEntities = new ConcurrentHashMap<>();
    /** The status tag's text for every status a response can have. */
    private static final String[] STATUS_TAGS = java.util.stream.IntStream.range(0, 600).mapToObj(Integer::toString).toArray(String[]::new);

    public RequestMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @SuppressWarnings("unchecked")
    private <M> M meter(List<String> key, java.util.function.Supplier<M> register) {
        Object m = registered.get(key);
        if (m == null) {
            m = register.get();
            if (registered.size() < CACHE_LIMIT) {
                registered.putIfAbsent(key, m);
            }
        }
        return (M) m;
    }

    @Override
    public void recorded(Exchange exchange, AuditRecord record) {
        String model = orNone(record.modelId());
        String useCase = orNone(record.useCase());
        String endpoint = record.endpoint();
        String rule = rule(record.rule());
        int httpStatus = record.httpStatus();
        String status = httpStatus >= 0 && httpStatus < STATUS_TAGS.length ? STATUS_TAGS[httpStatus] : Integer.toString(httpStatus);
        String streamed = Boolean.toString(record.streamed());
        String decision = record.decision();
        this.<Counter>meter(List.of("dijkwacht.requests", endpoint, model, useCase, decision, rule, status, streamed),
                () -> Counter.builder("dijkwacht.requests")
                        .description("Requests by endpoint, model, use-case, decision, rule and HTTP status (one per audit record)")
                        .tags("endpoint", endpoint, "model", model, "use_case", useCase, "decision", decision,
                                "rule", rule, "status", status, "streamed", streamed)
                        .register(meters)).increment();
        String errorCode = record.errorCode();
        if (errorCode != null) {
            this.<Counter>meter(List.of("dijkwacht.refusals", errorCode, status, useCase),
                    () -> Counter.builder("dijkwacht.refusals")
                            .description("Refused or failed requests by error code (the OpenAI error 'code' the tool got)")
                            .tags("code", errorCode, "status", status, "use_case", useCase)
                            .register(meters)).increment();
        }
        List<UpstreamCall> calls = exchange.upstreamCalls();
        long total = exchange.elapsedNanos();
        long upstream = 0; // time spent waiting for upstreams, all attempts together
        for (UpstreamCall call : calls) {
            upstream += call.durationNanos();
        }
        this.<Timer>meter(List.of("dijkwacht.request.added", endpoint, model, streamed),
                () -> Timer.builder("dijkwacht.request.added")
                        .description("Time the gateway adds to a request: total time minus time waiting for upstream models")
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .tags("endpoint", endpoint, "model", model, "streamed", streamed)
                        .register(meters)).record(Math.max(0, total - upstream), TimeUnit.NANOSECONDS);
        for (UpstreamCall call : calls) {
            upstream(call);
        }
        if (record.promptTokens() > 0) {
            tokens(model, useCase, "input").increment(record.promptTokens());
        }
        if (record.completionTokens() > 0) {
            tokens(model, useCase, "output").increment(record.completionTokens());
        }
        if (!record.entityCounts().isEmpty()) {
            Map<String, Counter> input = entityTable(inputEntities, useCase);
            record.entityCounts().forEach((type, n) -> entities(input, type, "input", useCase).increment(n));
        }
        if (!record.outputEntityCounts().isEmpty()) {
            Map<String, Counter> output = entityTable(outputEntities, useCase);
            record.outputEntityCounts().forEach((type, n) -> entities(output, type, "output", useCase).increment(n));
        }
        String recordRule = record.rule();
        if (recordRule != null && recordRule.startsWith("fallback:")) {
            for (UpstreamCall call : calls) {
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
        String outcome = call.outcome();
        this.<Timer>meter(List.of("dijkwacht.upstream.latency", model.id(), upstream, outcome),
                () -> Timer.builder("dijkwacht.upstream.latency")
                        .description("Duration of each model call (for streams: until the stream ended), by outcome")
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .tags("model", model.id(), "upstream", upstream, "outcome", outcome)
                        .register(meters)).record(call.durationNanos(), TimeUnit.NANOSECONDS);
        if (call.firstTokenNanos() >= 0) {
            this.<Timer>meter(List.of("dijkwacht.upstream.ttft", model.id(), upstream),
                    () -> Timer.builder("dijkwacht.upstream.ttft")
                            .description("Time to first token of streamed answers: from the model call until the first chunk reached the tool")
                            .serviceLevelObjectives(LATENCY_BUCKETS)
                            .tags("model", model.id(), "upstream", upstream)
                            .register(meters)).record(call.firstTokenNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private Counter tokens(String model, String useCase, String type) {
        return meter(List.of("dijkwacht.tokens", model, useCase, type),
                () -> Counter.builder("dijkwacht.tokens").description("Tokens by model, use-case and direction (input = prompt, output = completion)")
                        .tags("model", model, "use_case", useCase, "type", type).register(meters));
    }

    /** A direction's entity counters of one use-case; beyond the limit a table kept by no one (looked up each time). */
    private static Map<String, Counter> entityTable(ConcurrentHashMap<String, ConcurrentHashMap<String, Counter>> byUseCase, String useCase) {
        ConcurrentHashMap<String, Counter> table = byUseCase.get(useCase);
        if (table == null) {
            table = new ConcurrentHashMap<>();
            if (byUseCase.size() < CACHE_LIMIT) {
                ConcurrentHashMap<String, Counter> raced = byUseCase.putIfAbsent(useCase, table);
                table = raced == null ? table : raced;
            }
        }
        return table;
    }

    private Counter entities(Map<String, Counter> table, String type, String direction, String useCase) {
        Counter counter = table.get(type);
        if (counter == null) {
            counter = Counter.builder("dijkwacht.pii.entities")
                    .description("Personal data found, by entity type: input = in prompts, output = added by the model (counts only)")
                    .tags("type", type, "direction", direction, "use_case", useCase).register(meters);
            if (table.size() < CACHE_LIMIT) {
                table.putIfAbsent(type, counter);
            }
        }
        return counter;
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
    private String rule(String rule) {
        if (rule == null || rule.isBlank()) {
            return NONE;
        }
        String tag = ruleTags.get(rule);
        if (tag == null) {
            tag = ruleTag(rule);
            if (ruleTags.size() < CACHE_LIMIT) {
                ruleTags.putIfAbsent(rule, tag);
            }
        }
        return tag;
    }

    static String ruleTag(String rule) {
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
