package nl.dijkwacht.pipeline;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.openai.Attachment;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.anonymize.PlaceholderVault;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.UseCasePolicy;
import nl.dijkwacht.routing.RouteLog;

/**
 * The typed state of one request as it moves through the pipeline. Created per request and never shared;
 * the placeholder vault lives here for that reason.
 */
public final class Exchange {

    private final String traceId;
    private final Instant receivedAt;
    private final long startNanos;
    private final Endpoint endpoint;
    private final CallerHeaders headers;
    private final PolicySet policy;
    private final PlaceholderVault vault = new PlaceholderVault();
    private final Map<EntityType, Integer> entityCounts = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Integer> outputEntityCounts = new EnumMap<>(EntityType.class);
    private int citationsDropped;
    /** Answer fields dropped under {@code redact} as unknown (answer48): their paths, in the order first seen. */
    private java.util.Set<String> droppedAnswerFields;

    private byte[] rawBody = new byte[0];
    private java.util.List<String> sentMessageTexts;
    private String contentType;
    private ChatRequest request;
    private Caller caller;
    private UseCasePolicy useCase;
    private ModelDefinition model;
    private Decision decision = Decision.ALLOWED;
    private String rule;
    private Refusal refusal;
    private int promptTokens;
    private int completionTokens;
    private Integer upstreamStatus;
    private int placeholdersRestored;
    private int placeholdersUnknown;
    private final java.util.List<String> warnings = new java.util.ArrayList<>();
    private java.util.List<String> guardQuestionsNotAsked;
    private final java.util.List<GuardModelCall> guardModelCalls = new java.util.ArrayList<>(0);
    private final java.util.List<StepTrace> steps = new java.util.ArrayList<>();
    private final RouteLog routing = new RouteLog();
    private final Map<String, String> rateLimitHeaders = new java.util.LinkedHashMap<>();
    private long tokensReserved;
    private Instant tokensReservedAt;
    private java.util.function.LongSupplier tokensCounted;
    private java.util.function.LongSupplier promptCounted;
    private nl.dijkwacht.pii.DetectionAhead detectionAhead;
    private final Map<Attachment.Kind, Integer> attachmentCounts = new EnumMap<>(Attachment.Kind.class);
    private boolean onPremisesOnly;
    private final java.util.List<UpstreamCall> upstreamCalls = new java.util.ArrayList<>(1);
    private ModelDefinition openCallModel;
    private Instant openCallAt;
    private long openCallNanos;
    private long openCallFirstToken = -1;
    private Boolean personalSpecialCategory;
    private boolean specialCategoryTopic;
    private PurposeDecision purposeDecision;
    private String target;
    private String disclaimerTemplate;
    private ModelDefinition disclaimerModel;
    private UseCasePolicy disclaimerUseCase;
    private String disclaimer;
    private java.util.List<TurnCheck> turnChecks = java.util.List.of();
    private Map<String, String> recordParameters = Map.of();
    private Map<String, String> recordTexts = Map.of();

    /** Parameters of the audit record that are no personal data (a count record's {@code repeats}; edges50). */
    public Map<String, String> recordParameters() { return recordParameters; }
    public void recordParameter(String name, Object value) {
        if (recordParameters.isEmpty()) {
            recordParameters = new java.util.LinkedHashMap<>();
        }
        recordParameters.put(name, String.valueOf(value));
    }

    /** Text the audit record keeps only as a keyed hash, parameter {@code <name>_hmac} (a source address). */
    public Map<String, String> recordTexts() { return recordTexts; }
    public void recordText(String name, String text) {
        if (recordTexts.isEmpty()) {
            recordTexts = new java.util.LinkedHashMap<>();
        }
        recordTexts.put(name, text);
    }

    public Exchange(String traceId, Endpoint endpoint, CallerHeaders headers, PolicySet policy) {
        this.traceId = traceId;
        this.receivedAt = Instant.now();
        this.startNanos = System.nanoTime();
        this.endpoint = endpoint;
        this.headers = headers;
        this.policy = policy;
    }

    public String traceId() { return traceId; }
    public Instant receivedAt() { return receivedAt; }
    public long elapsedMillis() { return (System.nanoTime() - startNanos) / 1_000_000; }
    public Endpoint endpoint() { return endpoint; }
    public CallerHeaders headers() { return headers; }
    public PolicySet policy() { return policy; }
    public PlaceholderVault vault() { return vault; }

    public byte[] rawBody() { return rawBody; }
    public void rawBody(byte[] rawBody) { this.rawBody = rawBody; }

    /**
     * The message texts as the tool sent them ({@link ChatRequest#messageTexts()} when the body was read, before any step
     * rewrote them), or {@code null} when the body was not read as a request.
     */
    public java.util.List<String> sentMessageTexts() { return sentMessageTexts; }
    public void sentMessageTexts(java.util.List<String> texts) { this.sentMessageTexts = texts; }

    /**
     * Drops the prompt as the tool sent it — the raw body and {@link #sentMessageTexts} — once the audit has taken what
     * it needs of it (its HMAC, before the model call): an answer, streamed for seconds or minutes, does not keep the
     * unredacted prompt in memory. What was sent on (the rewritten {@link #request}) stays.
     */
    public void releaseSentPrompt() {
        this.rawBody = new byte[0];
        this.sentMessageTexts = null;
    }

    /** The request's Content-Type header as sent, or {@code null}. */
    public String contentType() { return contentType; }
    public void contentType(String contentType) { this.contentType = contentType; }

    public ChatRequest request() { return request; }
    public void request(ChatRequest request) { this.request = request; }

    /**
     * For {@link Endpoint#UNSUPPORTED}: the method and the shape of the address the tool asked for, e.g.
     * {@code POST /v1/audio/speech} or {@code GET /v1/files/{id}} — words of the OpenAI API only, never a value
     * from the path or the query. {@code null} otherwise.
     */
    public String target() { return target; }
    public void target(String target) { this.target = target; }

    public Caller caller() { return caller; }
    public void caller(Caller caller) { this.caller = caller; }

    public UseCasePolicy useCase() { return useCase; }
    public void useCase(UseCasePolicy useCase) { this.useCase = useCase; }

    public ModelDefinition model() { return model; }
    public void model(ModelDefinition model) { this.model = model; }

    /**
     * The disclaimer text kept for this request ({@code nl.dijkwacht.response.Disclaimer}: the header, the answer and its
     * extension field each ask for it), when it was made from {@code template} for this model and use-case; else null.
     */
    public String disclaimer(String template, ModelDefinition model, UseCasePolicy useCase) {
        return template == disclaimerTemplate && model == disclaimerModel && useCase == disclaimerUseCase ? disclaimer : null;
    }

    /** The disclaimer last made for this request (what the answer's text got after its separator), or null. */
    public String disclaimerMade() {
        return disclaimer;
    }

    public void disclaimer(String template, ModelDefinition model, UseCasePolicy useCase, String text) {
        this.disclaimerTemplate = template;
        this.disclaimerModel = model;
        this.disclaimerUseCase = useCase;
        this.disclaimer = text;
    }

    public Map<EntityType, Integer> entityCounts() { return entityCounts; }
    public void countEntities(Map<EntityType, Integer> counts) { counts.forEach((t, n) -> entityCounts.merge(t, n, Integer::sum)); }

    public Map<EntityType, Integer> outputEntityCounts() { return outputEntityCounts; }
    public void countOutputEntity(EntityType type) { outputEntityCounts.merge(type, 1, Integer::sum); }

    /** Web-search citations dropped because their span was not in the answer's text once it was rewritten (answer47). */
    public int citationsDropped() { return citationsDropped; }
    public void citationsDropped(int dropped) { citationsDropped += dropped; }
    public java.util.Set<String> droppedAnswerFields() {
        return droppedAnswerFields == null ? java.util.Set.of() : droppedAnswerFields;
    }
    public void answerFieldDropped(String path) {
        if (droppedAnswerFields == null) {
            droppedAnswerFields = new java.util.LinkedHashSet<>(4);
        }
        droppedAnswerFields.add(path);
    }

    /** Images, audio and files the request carries (allowed by the use-case), per kind. Never their content. */
    public Map<Attachment.Kind, Integer> attachmentCounts() { return attachmentCounts; }
    public void countAttachment(Attachment.Kind kind) { attachmentCounts.merge(kind, 1, Integer::sum); }

    /** Whether only a model on the premises may receive this request (use-case {@code attachments: on-premises-only}). */
    public boolean onPremisesOnly() { return onPremisesOnly; }
    public void requireOnPremises() { this.onPremisesOnly = true; }

    public Decision decision() { return decision; }
    public String rule() { return rule; }
    public Refusal refusal() { return refusal; }

    /** Records a rewrite; a later refusal or failure still overrides it. */
    public void markRewritten(Decision kind, String rule) {
        if (decision == Decision.ALLOWED || decision == Decision.REDACTED) {
            this.decision = kind;
            this.rule = rule;
        }
    }

    /** Sends the request to another model (sensitivity routing, upstream fallback); a refusal or failure still overrides it. */
    public void reroute(ModelDefinition model, String rule) {
        this.model = model;
        if (decision != Decision.REFUSED && decision != Decision.FAILED) {
            this.decision = Decision.REROUTED;
            this.rule = rule;
        }
    }

    /** Policy warnings for the tool (header X-Dijkwacht-Warning), e.g. a model past its evaluation date. Never prompt text. */
    public java.util.List<String> warnings() { return java.util.List.copyOf(warnings); }
    public void warn(String warning) { warnings.add(warning); }

    /** What each policy step did, in order (filled by {@link RequestPipeline}). */
    public java.util.List<StepTrace> steps() { return java.util.List.copyOf(steps); }
    void traceStep(StepTrace trace) { steps.add(trace); }

    /** How the model was chosen (task route, skipped models) and every upstream call made for this request. */
    public RouteLog routing() { return routing; }

    public void refuse(Refusal refusal, String rule) {
        this.decision = Decision.REFUSED;
        this.refusal = refusal;
        this.rule = rule;
    }

    public void fail(Refusal refusal, String rule) {
        this.decision = Decision.FAILED;
        this.refusal = refusal;
        this.rule = rule;
    }

    public int promptTokens() { return promptTokens; }
    public int completionTokens() { return completionTokens; }
    public void usage(int promptTokens, int completionTokens) {
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
    }

    /** The x-ratelimit-* headers the limit steps computed, for the answer (also on a 429). */
    public Map<String, String> rateLimitHeaders() { return java.util.Collections.unmodifiableMap(rateLimitHeaders); }
    public void rateLimitHeader(String name, String value) { rateLimitHeaders.put(name, value); }

    /** Tokens taken from the caller's budgets before the model call, settled afterwards with the reported usage. */
    public long tokensReserved() { return tokensReserved; }
    /**
     * When the tokens were reserved ({@code null} with none): settling charges the budgets of that day and month,
     * which are not those of {@link #receivedAt()} when midnight fell between the two.
     */
    public Instant tokensReservedAt() { return tokensReservedAt; }
    public void tokensReserved(long tokens, Instant at) {
        this.tokensReserved = tokens;
        this.tokensReservedAt = at;
    }

    /**
     * The exact count behind a reservation that was made with a cheap upper bound (null when the reservation already
     * was the exact count): what settling charges when the model reports no usage.
     */
    public java.util.function.LongSupplier tokensCounted() { return tokensCounted; }
    /** The PII engine's findings for this request's texts, started on an idle core after parsing; {@code null} if not. */
    public nl.dijkwacht.pii.DetectionAhead detectionAhead() { return detectionAhead; }
    public void detectionAhead(nl.dijkwacht.pii.DetectionAhead ahead) { this.detectionAhead = ahead; }
    public void tokensCounted(java.util.function.LongSupplier counted) { this.tokensCounted = counted; }

    /**
     * The prompt's tokens counted with the model's tokenizer, without the answer's allowance (null without a token
     * budget): what a stream that failed after it started is charged for its input (ADR 0012).
     */
    public java.util.function.LongSupplier promptCounted() { return promptCounted; }
    public void promptCounted(java.util.function.LongSupplier counted) { this.promptCounted = counted; }

    public Integer upstreamStatus() { return upstreamStatus; }
    public void upstreamStatus(Integer status) { this.upstreamStatus = status; }

    public int placeholdersRestored() { return placeholdersRestored; }
    public int placeholdersUnknown() { return placeholdersUnknown; }
    public void placeholders(int restored, int unknown) {
        this.placeholdersRestored += restored;
        this.placeholdersUnknown += unknown;
    }

    /** The model call that starts now (one per attempt; a fallback starts another). */
    public void upstreamStarted(ModelDefinition model) {
        upstreamEnded("abandoned");
        openCallModel = model;
        openCallAt = Instant.now();
        openCallNanos = System.nanoTime();
        openCallFirstToken = -1;
    }

    /** The first streamed token of the running call arrived (only the first mark counts). */
    public void upstreamFirstToken() {
        if (openCallModel != null && openCallFirstToken < 0) {
            openCallFirstToken = System.nanoTime() - openCallNanos;
        }
    }

    /** The running call ended: {@link UpstreamCall#OK} or the failure kind. Does nothing when no call is running. */
    public void upstreamEnded(String outcome) {
        if (openCallModel == null) {
            return;
        }
        upstreamCalls.add(new UpstreamCall(openCallModel, openCallAt, System.nanoTime() - openCallNanos, openCallFirstToken, outcome));
        openCallModel = null;
    }

    public java.util.List<UpstreamCall> upstreamCalls() { return java.util.List.copyOf(upstreamCalls); }

    public long elapsedNanos() { return System.nanoTime() - startNanos; }

    /**
     * The purpose guard's judgement (step "purpose"): whether the request holds special-category data of an
     * identifiable person, whether its special-category terms are only a topic, and the summary
     * {@code verdict/layer/score} for the audit rule and /admin/explain.
     */
    public void purposeJudgement(boolean personalSpecialCategory, boolean specialCategoryTopic, PurposeDecision decision) {
        this.personalSpecialCategory = personalSpecialCategory;
        this.specialCategoryTopic = specialCategoryTopic;
        this.purposeDecision = decision;
    }

    /**
     * A dry run that must not call the purpose guard's guard model (/admin/explain?guard=false): the questions it would
     * have been asked are collected instead.
     */
    public void withoutGuardModel() { guardQuestionsNotAsked = new java.util.ArrayList<>(); }

    /** Whether this exchange may call the use-case's guard model. */
    public boolean guardModelAllowed() { return guardQuestionsNotAsked == null; }

    /** Records a guard-model question a dry run did not ask. */
    public void guardQuestionNotAsked(String question) { guardQuestionsNotAsked.add(question); }

    /** The guard-model questions a dry run did not ask, empty when it asked or needed none. */
    public java.util.List<String> guardQuestionsNotAsked() {
        return guardQuestionsNotAsked == null ? java.util.List.of() : java.util.List.copyOf(guardQuestionsNotAsked);
    }

    /** What the purpose guard found about the earlier assistant turns and tool results it had to check (turns28). */
    public void turnChecks(java.util.List<TurnCheck> checks) { this.turnChecks = java.util.List.copyOf(checks); }

    /** Empty unless such a turn would have caused a refusal. */
    public java.util.List<TurnCheck> turnChecks() { return turnChecks; }

    /** Records a question the purpose guard put to the guard model (and its answer). */
    public void guardModelAsked(GuardModelCall call) { guardModelCalls.add(call); }

    /** The questions the guard model was asked for this request, in order; empty when none was called. */
    public java.util.List<GuardModelCall> guardModelCalls() { return java.util.List.copyOf(guardModelCalls); }

    /** The purpose guard's summary ({@code verdict/layer/score}), or {@code null} when it did not judge the request. */
    public String purposeJudgement() { return purposeDecision == null ? null : purposeDecision.summary(); }

    /** The purpose guard's decision, or {@code null} when it did not judge the request. */
    public PurposeDecision purposeDecision() { return purposeDecision; }

    /**
     * Whether the request holds special-category data of a person: the purpose guard's judgement when it made one,
     * otherwise (not judged) any special-category term the PII engine found.
     */
    public boolean holdsPersonalSpecialCategory() {
        if (personalSpecialCategory != null) {
            return personalSpecialCategory;
        }
        return entityCounts.getOrDefault(EntityType.SPECIAL_CATEGORY, 0) > 0;
    }

    /** Whether the purpose guard judged the special-category terms in the request a topic only (no person's data). */
    public boolean specialCategoryTopicOnly() { return specialCategoryTopic; }
}
