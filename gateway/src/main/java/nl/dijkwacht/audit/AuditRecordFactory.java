package nl.dijkwacht.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pipeline.Decision;
import nl.dijkwacht.pipeline.Exchange;

/** Turns the state of a finished request into its audit record (and, where the use-case says so, its content). */
public final class AuditRecordFactory {

    /** Each decision's name as the record keeps it (lower case), by ordinal: not a new string per record. */
    private static final String[] DECISIONS = Arrays.stream(Decision.values())
            .map(d -> d.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    private static final com.fasterxml.jackson.databind.ObjectMapper PARAMETERS_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Pseudonymizer pseudonymizer;
    private final TextHasher hasher;
    private final AuditGovernance governance;
    private final ContentRedactor redactor;

    public AuditRecordFactory(Pseudonymizer pseudonymizer, TextHasher hasher, AuditGovernance governance,
                              ContentRedactor redactor) {
        this.pseudonymizer = pseudonymizer;
        this.hasher = hasher;
        this.governance = governance;
        this.redactor = redactor;
    }

    public AuditRecord from(Exchange exchange, AuditCapture capture, int httpStatus, boolean streamed) {
        var caller = exchange.caller();
        var model = exchange.model();
        var refusal = exchange.refusal();
        String decision = DECISIONS[exchange.decision().ordinal()];
        String promptHmac = capture == null ? null : capture.promptHmac();
        String answerHmac = capture == null ? null : capture.answerHmac();
        String endpoint = exchange.endpoint().auditName();
        String modelId = model == null ? null : model.id();
        return AuditRecord.builder()
                .traceId(exchange.traceId())
                .occurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .bioAction(endpoint)
                .bioObject(modelId != null ? "model:" + modelId
                        : "endpoint:" + (exchange.target() != null ? exchange.target() : endpoint))
                .bioResult(result(exchange.decision(), httpStatus))
                .bioOrigin(caller == null ? "unauthenticated" : caller.origin())
                .endpoint(endpoint)
                .toolId(caller == null ? null : caller.toolId())
                .actorPseudonym(caller == null ? null : pseudonymizer.pseudonym(caller.userId()))
                .department(caller == null ? null : caller.department())
                .tenant(caller == null ? null : caller.tenant())
                .useCase(exchange.useCase() == null ? null : exchange.useCase().id())
                .modelId(modelId)
                .upstreamModel(model == null ? null : model.upstreamModel())
                .provider(model == null ? null : model.provider().yamlName())
                .hosting(governance.hosting(model))
                .policyVersion(exchange.policy().version())
                .decision(decision)
                .rule(exchange.rule())
                .errorCode(refusal == null ? null : refusal.code())
                .httpStatus(httpStatus)
                .upstreamStatus(exchange.upstreamStatus())
                .entityCounts(names(exchange.entityCounts()))
                .outputEntityCounts(outputCounts(exchange))
                .promptTokens(exchange.promptTokens())
                .completionTokens(exchange.completionTokens())
                .latencyMillis(exchange.elapsedMillis())
                .energyWh(governance.energyWh(model, exchange.promptTokens(), exchange.completionTokens()))
                .streamed(streamed)
                .placeholdersRestored(exchange.placeholdersRestored())
                .placeholdersUnknown(exchange.placeholdersUnknown())
                .actionParameters(parameters(exchange))
                .hashKeyId(promptHmac == null && answerHmac == null && exchange.recordTexts().isEmpty() ? null
                        : (capture == null ? hasher.activeKeyId() : capture.hashKeyId()))
                .promptHmac(promptHmac)
                .answerHmac(answerHmac)
                .turnHmac(capture == null ? null : capture.turnHmac())
                .choiceHmacs(capture == null ? null : capture.choiceHmacs())
                .promptTemplate(capture == null ? null : redactReference(capture.promptTemplate()))
                .sources(capture == null ? List.of() : redactReferences(capture.sources()))
                .citations(capture == null ? List.of() : redactReferences(capture.citations()))
                .contentRetained(keepsContent(exchange, httpStatus))
                .reviewRequired(httpStatus == 200 && exchange.refusal() == null
                        && governance.humanReviewRequired(exchange.useCase()) && exchange.endpoint().producesText())
                .routing(routing(exchange))
                .attachmentCounts(attachments(exchange))
                .purpose(purpose(exchange))
                .build();
    }

    /** A request record's own parameters (a count record's, edges50) as the operator records keep theirs: JSON strings. */
    private String parameters(Exchange exchange) {
        if (exchange.recordParameters().isEmpty() && exchange.recordTexts().isEmpty()) {
            return null;
        }
        var kept = new java.util.LinkedHashMap<>(exchange.recordParameters());
        exchange.recordTexts().forEach((name, text) -> kept.put(name + "_hmac", hasher.hash(text)));
        try {
            return PARAMETERS_JSON.writeValueAsString(kept);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuditRecord.Purpose purpose(Exchange exchange) {
        var d = exchange.purposeDecision();
        return d == null ? AuditRecord.Purpose.NONE : new AuditRecord.Purpose(d.verdict(), d.layer(), d.score());
    }

    private static AuditRecord.Routing routing(Exchange exchange) {
        var log = exchange.routing();
        String summary = log.summary();
        if (summary != null && summary.length() > 2000) {
            summary = summary.substring(0, 1999) + "…";
        }
        return new AuditRecord.Routing(log.task(), summary, log.answeredBy());
    }

    /** The redacted prompt and answer, when the use-case keeps content and the request was answered. */
    public RetainedContent content(AuditRecord record, AuditCapture capture) {
        if (!record.contentRetained() || capture == null) {
            return null;
        }
        int days = governance.contentRetentionDays(capture.exchange().useCase());
        return new RetainedContent(
                redactor.redact(capture.outgoingPrompt()),
                redactor.redact(capture.redactedAnswer()),
                record.occurredAt().plus(days, ChronoUnit.DAYS));
    }

    boolean keepsContent(Exchange exchange, int httpStatus) {
        return httpStatus == 200 && exchange.refusal() == null && exchange.request() != null
                && governance.contentRetentionDays(exchange.useCase()) > 0;
    }

    /** Each reference redacted; most requests carry none (no stream per record then). */
    private List<String> redactReferences(List<String> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(refs.size());
        for (String ref : refs) {
            out.add(redactReference(ref));
        }
        return out;
    }

    private String redactReference(String ref) {
        return ref == null ? null : redactor.redact(ref);
    }

    /** BIO "result": success, or what stopped the request. */
    static String result(Decision decision, int httpStatus) {
        if (decision == Decision.REFUSED) {
            return "refused";
        }
        if (decision == Decision.FAILED || httpStatus >= 400) {
            return "failed";
        }
        return "success";
    }

    /** {@code {"image": 2, "file": 1}}: the attachments the request carried, by kind. */
    private static Map<String, Integer> attachments(Exchange exchange) {
        if (exchange.attachmentCounts().isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> byKind = new TreeMap<>();
        exchange.attachmentCounts().forEach((kind, n) -> byKind.put(kind.name().toLowerCase(Locale.ROOT), n));
        return byKind;
    }

    /**
     * What the output scan found, by type; under {@code redact} with {@value #UNSCANNED_FIELD}: the answer fields dropped
     * as unknown (answer48, docs/adr/0014) — the mark that the answer had text the scan could not read.
     */
    private static Map<String, Integer> outputCounts(Exchange exchange) {
        Map<String, Integer> found = names(exchange.outputEntityCounts());
        int dropped = exchange.droppedAnswerFields().size();
        if (dropped == 0) {
            return found;
        }
        Map<String, Integer> marked = new java.util.HashMap<>(found);
        marked.put(UNSCANNED_FIELD, dropped);
        return marked;
    }

    /** The output count of answer fields dropped under {@code redact} because the gateway does not know them. */
    public static final String UNSCANNED_FIELD = "UNSCANNED_FIELD";

    /**
     * The counts by the entity type's name, as the unmodifiable map the record keeps ({@code Map.copyOf} takes it as it
     * is): no sorted copy first — the record keeps no order anyway, and its readers that need one sort the names.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Integer> names(Map<EntityType, Integer> counts) {
        if (counts.isEmpty()) {
            return Map.of();
        }
        Map.Entry<String, Integer>[] byName = new Map.Entry[counts.size()];
        int i = 0;
        for (EntityType type : counts.keySet()) { // an EnumMap: no entry object per type
            byName[i++] = Map.entry(type.name(), counts.get(type));
        }
        return Map.ofEntries(byName);
    }
}
