package nl.dijkwacht.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import nl.dijkwacht.identity.Operator;
import nl.dijkwacht.identity.OperatorRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every administrator and auditor action as a record in the tamper-evident audit chain (issue 8): who (operator id —
 * a key id or {@code oidc:<issuer>:<pseudonym>} — role and how signed in), what (action, object and its non-personal
 * parameters), when, and the result, refusals included. The admin API, the auditor API and the console all record
 * through this one class, so an action leaves the same record whichever way it was taken.
 *
 * <p>What a record never holds: prompt text, free text an operator typed (a reason, an explanation, a summary — only
 * its length and keyed hash, {@link Entry#text}), a staff member's user id (only its keyed pseudonym) or an address.
 *
 * <p>The record is written after the action, with its result. A failed write does not undo an action already taken
 * (a kill switch must work even while the store is down): it is logged and counted
 * ({@code dijkwacht.audit.operator.write.failures}), and the operator's request still gets its answer.
 */
public final class OperatorActionLog {

    private static final Logger log = LoggerFactory.getLogger(OperatorActionLog.class);
    private static final int MAX_VALUE = 200;
    private static final int MAX_PARAMS = 1000;

    /** How the operator reached the action. */
    public enum Channel {
        /** The admin or auditor HTTP API. */
        API,
        /** The web console. */
        CONSOLE
    }

    private final AuditSink sink;
    private final TextHasher hasher;
    /** The policy version in force for an operator's tenant (their actions record their own tenant's version). */
    private final java.util.function.Function<String, String> policyVersion;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Counter failures;

    public OperatorActionLog(AuditSink sink, TextHasher hasher, java.util.function.Function<String, String> policyVersion, Clock clock,
                             MeterRegistry meters) {
        this.sink = sink;
        this.hasher = hasher;
        this.policyVersion = policyVersion;
        this.clock = clock;
        this.failures = Counter.builder("dijkwacht.audit.operator.write.failures")
                .description("operator-action records that could not be written").register(meters);
    }

    /** Starts the record of {@code action} (at most 32 characters, e.g. {@code policy.reload}) by {@code operator}. */
    public Entry start(Operator operator, String action, Channel channel) {
        return new Entry(operator, action, channel, clock.instant());
    }

    /** Starts the record of the admin or auditor API request {@code method path}, named by {@link OperatorActions}. */
    public Entry start(Operator operator, String method, String path) {
        OperatorActions.Named named = OperatorActions.ofApi(method, path);
        Entry entry = new Entry(operator, named.action(), Channel.API, clock.instant());
        entry.object = named.object();
        return entry;
    }

    /** The action as it is being taken: its object and parameters, then {@link #finish} once with the result. */
    public final class Entry {
        private final Operator operator;
        private final String action;
        private final Channel channel;
        private final Instant started;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private String traceId = nl.dijkwacht.pipeline.TraceIds.next();
        private String object;
        private boolean hashed;

        private Entry(Operator operator, String action, Channel channel, Instant started) {
            this.operator = operator;
            this.action = action.length() > 32 ? action.substring(0, 32) : action;
            this.channel = channel;
            this.started = started;
        }

        public Operator operator() {
            return operator;
        }

        public String operatorId() {
            return operator.id();
        }

        public String action() {
            return action;
        }

        public String traceId() {
            return traceId;
        }

        /** The trace id the record is filed under (default: a new one). */
        public Entry traceId(String id) {
            if (id != null && !id.isBlank() && id.length() <= 64) {
                this.traceId = id;
            }
            return this;
        }

        /** What the action was about: {@code model:extern}, {@code hold:12}, {@code trace:<id>}. */
        public Entry object(String kind, Object id) {
            if (id != null && !id.toString().isBlank()) {
                String value = kind + ":" + id.toString().strip();
                this.object = value.length() > 256 ? value.substring(0, 256) : value;
            }
            return this;
        }

        /**
         * A parameter that is not personal data (a model or use-case id, a date, a status, a page size, a
         * pseudonym). Blank values are left out; long values are clipped.
         */
        public Entry param(String name, Object value) {
            if (value != null && !value.toString().isBlank()) {
                String text = value.toString().strip();
                parameters.put(name, text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "…" : text);
            }
            return this;
        }

        /**
         * Free text (a prompt, a reason, an explanation): only its length and keyed hash ({@code <name>_length},
         * {@code <name>_hmac}), so the text can be checked later by someone who has it, but is never stored.
         */
        public Entry text(String name, String text) {
            if (text != null && !text.isEmpty()) {
                parameters.put(name + "_length", Integer.toString(text.length()));
                parameters.put(name + "_hmac", hasher.hash(text));
                hashed = true;
            }
            return this;
        }
    }

    /**
     * Writes the record: success below 400, refused for 4xx (the action was not taken), failed for 5xx.
     *
     * @param errorCode the stable error code of a refusal or failure, {@code null} on success
     */
    public void finish(Entry entry, int status, String errorCode) {
        try {
            sink.append(record(entry, status, errorCode));
        } catch (RuntimeException e) {
            failures.increment();
            log.error("operator action {} by {} not recorded in the audit trail: {}", entry.action, entry.operator.id(),
                    e.getClass().getSimpleName());
        }
    }

    /** Starts and finishes at once: an API action refused before its handler ran (e.g. by the role check). */
    public void refused(Operator operator, String method, String path, String traceId, int status, String errorCode) {
        finish(start(operator, method, path).traceId(traceId), status, errorCode);
    }

    AuditRecord record(Entry e, int status, String errorCode) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String result = status < 400 ? "success" : status >= 500 ? "failed" : "refused";
        String decision = status < 400 ? "allowed" : status >= 500 ? "failed" : "refused";
        String actor = e.operator.id();
        return AuditRecord.builder()
                .traceId(e.traceId)
                .occurredAt(now)
                .bioAction(e.action)
                .bioObject(e.object)
                .bioResult(result)
                .bioOrigin(origin(e.operator, e.channel))
                .endpoint(AuditRecord.OPERATOR_ENDPOINT)
                .actorPseudonym(actor.length() > 64 ? actor.substring(0, 64) : actor)
                .tenant(e.operator.tenant())
                .policyVersion(policyVersion.apply(e.operator.tenant()))
                .decision(decision)
                .errorCode(status < 400 ? null : errorCode)
                .httpStatus(status)
                .latencyMillis(Math.max(0, now.toEpochMilli() - e.started.toEpochMilli()))
                .hashKeyId(e.hashed ? hasher.activeKeyId() : null)
                .actionParameters(parameters(e.parameters))
                .build();
    }

    /** {@code operator:<role>+key}, {@code operator:<role>+oidc:<issuer>}; with {@code +console} from the console. */
    static String origin(Operator operator, Channel channel) {
        if (Operator.UNIDENTIFIED.equals(operator.id()) && operator.roles().isEmpty() && !operator.viaToken()) {
            return "unauthenticated";
        }
        String roles = operator.roles().stream().map(OperatorRole::yamlName).sorted().collect(Collectors.joining(","));
        String how;
        if (operator.viaToken() || operator.id().startsWith("oidc:")) {
            String rest = operator.id().startsWith("oidc:") ? operator.id().substring(5) : "";
            int colon = rest.indexOf(':');
            how = "oidc:" + (colon > 0 ? rest.substring(0, colon) : "?");
        } else {
            how = "key";
        }
        return "operator:" + (roles.isEmpty() ? "none" : roles) + "+" + how + (channel == Channel.CONSOLE ? "+console" : "");
    }

    private String parameters(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return null;
        }
        Map<String, String> kept = new LinkedHashMap<>(parameters);
        try {
            String out = json.writeValueAsString(kept);
            while (out.length() > MAX_PARAMS) {
                kept.remove(kept.keySet().stream().reduce((a, b) -> b).orElseThrow());
                kept.put("truncated", "true");
                out = json.writeValueAsString(kept);
                kept.remove("truncated");
            }
            return out;
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
