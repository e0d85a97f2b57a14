package nl.dijkwacht.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.RecordListener;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.UpstreamCall;

/**
 * One OpenTelemetry span per model call, following the GenAI semantic conventions ({@code gen_ai.*}: operation,
 * provider, request model, token usage, {@code error.type}), as a child of the request's server span; and the
 * request's policy outcome on the server span itself ({@code dijkwacht.*}). Spans carry ids, counts and timings —
 * never prompt or answer text, nor the caller's identity. They are built after the request from the timings the
 * exchange kept, with the calls' real start and end times. Exported only when an OTLP endpoint is configured; not
 * built at all for a request whose trace was sampled out.
 */
public final class GenAiSpans implements RecordListener {

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

    private final Tracer tracer;

    public GenAiSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void recorded(Exchange exchange, AuditRecord record) {
        Span server = Span.current();
        if (server.getSpanContext().isValid() && !server.getSpanContext().isSampled()) {
            // a trace sampled out (most requests: DIJKWACHT_TRACE_SAMPLING): its server span records nothing, and the
            // parent-based sampler would drop every model call's span too — do not build them
            return;
        }
        server.setAttribute("dijkwacht.trace_id", record.traceId());
        server.setAttribute("dijkwacht.decision", record.decision());
        server.setAttribute("dijkwacht.policy_version", record.policyVersion());
        if (record.useCase() != null) {
            server.setAttribute("dijkwacht.use_case", record.useCase());
        }
        if (record.errorCode() != null) {
            server.setAttribute("dijkwacht.error_code", record.errorCode());
        }
        List<UpstreamCall> calls = exchange.upstreamCalls();
        for (int i = 0; i < calls.size(); i++) {
            boolean last = i == calls.size() - 1;
            span(exchange, record, calls.get(i), last);
        }
    }

    private void span(Exchange exchange, AuditRecord record, UpstreamCall call, boolean last) {
        ModelDefinition model = call.model();
        String operation = switch (exchange.endpoint()) {
            case EMBEDDINGS -> "embeddings";
            case COMPLETIONS -> "text_completion";
            default -> "chat";
        };
        long startNanos = TimeUnit.SECONDS.toNanos(call.startedAt().getEpochSecond()) + call.startedAt().getNano();
        Span span = tracer.spanBuilder(operation + " " + model.upstreamModel())
                .setParent(Context.current())
                .setSpanKind(SpanKind.CLIENT)
                .setStartTimestamp(startNanos, TimeUnit.NANOSECONDS)
                .startSpan();
        span.setAttribute(OPERATION, operation);
        span.setAttribute(PROVIDER, provider(model.provider()));
        span.setAttribute(SYSTEM, provider(model.provider()));
        span.setAttribute(REQUEST_MODEL, model.upstreamModel());
        span.setAttribute("dijkwacht.model", model.id());
        span.setAttribute("dijkwacht.trace_id", record.traceId());
        span.setAttribute("dijkwacht.streamed", record.streamed());
        if (model.baseUrl() != null && model.baseUrl().getHost() != null) {
            span.setAttribute(SERVER_ADDRESS, model.baseUrl().getHost());
            int port = model.baseUrl().getPort() > 0 ? model.baseUrl().getPort()
                    : "https".equalsIgnoreCase(model.baseUrl().getScheme()) ? 443 : 80;
            span.setAttribute(SERVER_PORT, (long) port);
        }
        if (call.firstTokenNanos() >= 0) {
            span.addEvent("gen_ai.first_chunk", startNanos + call.firstTokenNanos(), TimeUnit.NANOSECONDS);
        }
        if (call.ok()) {
            if (last) {
                span.setAttribute(INPUT_TOKENS, (long) record.promptTokens());
                span.setAttribute(OUTPUT_TOKENS, (long) record.completionTokens());
            }
        } else {
            span.setAttribute(ERROR_TYPE, call.outcome());
            span.setStatus(StatusCode.ERROR, call.outcome());
        }
        span.end(startNanos + call.durationNanos(), TimeUnit.NANOSECONDS);
    }

    /** {@code gen_ai.provider.name}: the well-known value where there is one. */
    static String provider(ProviderKind kind) {
        return switch (kind.yamlName()) {
            case "anthropic" -> "anthropic";
            case "openai-compatible" -> "openai";
            default -> "dijkwacht." + kind.yamlName().replace('-', '_');
        };
    }
}
