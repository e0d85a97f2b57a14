package nl.dijkwacht.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one way to build an {@link AuditRecord}: name each field that applies and leave the rest out. What is left out
 * is empty: {@code null}, zero, {@code false}, no entities, sources, citations or attachments, no routing and no
 * purpose decision.
 */
public final class AuditRecordBuilder {

    private String traceId;
    private Instant occurredAt;
    private String bioAction;
    private String bioObject;
    private String bioResult;
    private String bioOrigin;
    private String endpoint;
    private String toolId;
    private String actorPseudonym;
    private String department;
    private String tenant;
    private String useCase;
    private String modelId;
    private String upstreamModel;
    private String provider;
    private String hosting;
    private String policyVersion;
    private String decision;
    private String rule;
    private String errorCode;
    private int httpStatus;
    private Integer upstreamStatus;
    private Map<String, Integer> entityCounts = Map.of();
    private Map<String, Integer> outputEntityCounts = Map.of();
    private int promptTokens;
    private int completionTokens;
    private long latencyMillis;
    private double energyWh;
    private boolean streamed;
    private int placeholdersRestored;
    private int placeholdersUnknown;
    private String hashKeyId;
    private String promptHmac;
    private String answerHmac;
    private String promptTemplate;
    private List<String> sources = List.of();
    private List<String> citations = List.of();
    private boolean contentRetained;
    private boolean reviewRequired;
    private AuditRecord.Routing routing = AuditRecord.Routing.NONE;
    private String actionParameters;
    private Map<String, Integer> attachmentCounts = Map.of();
    private AuditRecord.Purpose purpose = AuditRecord.Purpose.NONE;
    private String turnHmac;
    private List<String> choiceHmacs;

    AuditRecordBuilder() {
    }

    public AuditRecordBuilder traceId(String traceId) {
        this.traceId = traceId;
        return this;
    }

    public AuditRecordBuilder occurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return this;
    }

    public AuditRecordBuilder bioAction(String bioAction) {
        this.bioAction = bioAction;
        return this;
    }

    public AuditRecordBuilder bioObject(String bioObject) {
        this.bioObject = bioObject;
        return this;
    }

    public AuditRecordBuilder bioResult(String bioResult) {
        this.bioResult = bioResult;
        return this;
    }

    public AuditRecordBuilder bioOrigin(String bioOrigin) {
        this.bioOrigin = bioOrigin;
        return this;
    }

    public AuditRecordBuilder endpoint(String endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    public AuditRecordBuilder toolId(String toolId) {
        this.toolId = toolId;
        return this;
    }

    public AuditRecordBuilder actorPseudonym(String actorPseudonym) {
        this.actorPseudonym = actorPseudonym;
        return this;
    }

    public AuditRecordBuilder department(String department) {
        this.department = department;
        return this;
    }

    public AuditRecordBuilder tenant(String tenant) {
        this.tenant = tenant;
        return this;
    }

    public AuditRecordBuilder useCase(String useCase) {
        this.useCase = useCase;
        return this;
    }

    public AuditRecordBuilder modelId(String modelId) {
        this.modelId = modelId;
        return this;
    }

    public AuditRecordBuilder upstreamModel(String upstreamModel) {
        this.upstreamModel = upstreamModel;
        return this;
    }

    public AuditRecordBuilder provider(String provider) {
        this.provider = provider;
        return this;
    }

    public AuditRecordBuilder hosting(String hosting) {
        this.hosting = hosting;
        return this;
    }

    public AuditRecordBuilder policyVersion(String policyVersion) {
        this.policyVersion = policyVersion;
        return this;
    }

    public AuditRecordBuilder decision(String decision) {
        this.decision = decision;
        return this;
    }

    public AuditRecordBuilder rule(String rule) {
        this.rule = rule;
        return this;
    }

    public AuditRecordBuilder errorCode(String errorCode) {
        this.errorCode = errorCode;
        return this;
    }

    public AuditRecordBuilder httpStatus(int httpStatus) {
        this.httpStatus = httpStatus;
        return this;
    }

    public AuditRecordBuilder upstreamStatus(Integer upstreamStatus) {
        this.upstreamStatus = upstreamStatus;
        return this;
    }

    public AuditRecordBuilder entityCounts(Map<String, Integer> entityCounts) {
        this.entityCounts = entityCounts;
        return this;
    }

    public AuditRecordBuilder outputEntityCounts(Map<String, Integer> outputEntityCounts) {
        this.outputEntityCounts = outputEntityCounts;
        return this;
    }

    public AuditRecordBuilder promptTokens(int promptTokens) {
        this.promptTokens = promptTokens;
        return this;
    }

    public AuditRecordBuilder completionTokens(int completionTokens) {
        this.completionTokens = completionTokens;
        return this;
    }

    public AuditRecordBuilder latencyMillis(long latencyMillis) {
        this.latencyMillis = latencyMillis;
        return this;
    }

    public AuditRecordBuilder energyWh(double energyWh) {
        this.energyWh = energyWh;
        return this;
    }

    public AuditRecordBuilder streamed(boolean streamed) {
        this.streamed = streamed;
        return this;
    }

    public AuditRecordBuilder placeholdersRestored(int placeholdersRestored) {
        this.placeholdersRestored = placeholdersRestored;
        return this;
    }

    public AuditRecordBuilder placeholdersUnknown(int placeholdersUnknown) {
        this.placeholdersUnknown = placeholdersUnknown;
        return this;
    }

    public AuditRecordBuilder hashKeyId(String hashKeyId) {
        this.hashKeyId = hashKeyId;
        return this;
    }

    public AuditRecordBuilder promptHmac(String promptHmac) {
        this.promptHmac = promptHmac;
        return this;
    }

    public AuditRecordBuilder answerHmac(String answerHmac) {
        this.answerHmac = answerHmac;
        return this;
    }

    public AuditRecordBuilder promptTemplate(String promptTemplate) {
        this.promptTemplate = promptTemplate;
        return this;
    }

    public AuditRecordBuilder sources(List<String> sources) {
        this.sources = sources;
        return this;
    }

    public AuditRecordBuilder citations(List<String> citations) {
        this.citations = citations;
        return this;
    }

    public AuditRecordBuilder contentRetained(boolean contentRetained) {
        this.contentRetained = contentRetained;
        return this;
    }

    public AuditRecordBuilder reviewRequired(boolean reviewRequired) {
        this.reviewRequired = reviewRequired;
        return this;
    }

    public AuditRecordBuilder routing(AuditRecord.Routing routing) {
        this.routing = routing;
        return this;
    }

    public AuditRecordBuilder actionParameters(String actionParameters) {
        this.actionParameters = actionParameters;
        return this;
    }

    public AuditRecordBuilder attachmentCounts(Map<String, Integer> attachmentCounts) {
        this.attachmentCounts = attachmentCounts;
        return this;
    }

    public AuditRecordBuilder purpose(AuditRecord.Purpose purpose) {
        this.purpose = purpose;
        return this;
    }

    public AuditRecordBuilder turnHmac(String turnHmac) {
        this.turnHmac = turnHmac;
        return this;
    }

    public AuditRecordBuilder choiceHmacs(List<String> choiceHmacs) {
        this.choiceHmacs = choiceHmacs == null || choiceHmacs.isEmpty() ? null : List.copyOf(choiceHmacs);
        return this;
    }

    public AuditRecord build() {
        return new AuditRecord(
                traceId, occurredAt, bioAction, bioObject, bioResult, bioOrigin, endpoint, toolId, actorPseudonym,
                department, tenant, useCase, modelId, upstreamModel, provider, hosting, policyVersion, decision, rule,
                errorCode, httpStatus, upstreamStatus, entityCounts, outputEntityCounts, promptTokens,
                completionTokens, latencyMillis, energyWh, streamed, placeholdersRestored, placeholdersUnknown,
                hashKeyId, promptHmac, answerHmac, promptTemplate, sources, citations, contentRetained, reviewRequired,
                routing, actionParameters, attachmentCounts, purpose, turnHmac, choiceHmacs);
    }
}
