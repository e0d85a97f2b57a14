package nl.dijkwacht.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import nl.dijkwacht.catalog.DataClass;
import nl.dijkwacht.catalog.Hosting;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ModelGovernance;
import nl.dijkwacht.catalog.ModelStatus;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.identity.OperatorAccount;
import nl.dijkwacht.identity.OperatorRole;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.anonymize.Operator;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import org.springframework.boot.convert.DurationStyle;

/**
 * Reads {@code policies/} (tools.yaml, operators.yaml, governance.yaml, use-cases/*.yaml) and
 * {@code models-config/} (*.yaml, one model per file) into one {@link PolicySet}.
 *
 * <p>Every file is first checked against its published JSON Schema, then the cross-file rules are checked
 * (references, governance rules such as "special-category data only on-premises"). All problems are collected
 * and thrown together as a {@link PolicyLoadException}, each naming file, line and field; nothing half-read is
 * ever returned.
 */
public final class PolicyLoader {

    static final int DEFAULT_CONTENT_RETENTION_DAYS = 30;

    private static final Duration DEFAULT_CONNECT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_RESPONSE = Duration.ofSeconds(120);

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final PolicySchemas schemas = new PolicySchemas();

    public PolicySet load(Path policiesDir, Path modelsDir) {
        Problems problems = new Problems();
        MessageDigest digest = sha256();

        YamlDocument toolsDoc = readRequired(policiesDir.resolve("tools.yaml"), PolicySchemas.Kind.TOOLS, digest, problems);
        List<YamlDocument> useCaseDocs = new ArrayList<>();
        for (Path file : yamlFiles(policiesDir.resolve("use-cases"), problems)) {
            useCaseDocs.add(readRequired(file, PolicySchemas.Kind.USE_CASE, digest, problems));
        }
        List<YamlDocument> modelDocs = new ArrayList<>();
        for (Path file : yamlFiles(modelsDir, problems)) {
            modelDocs.add(readRequired(file, PolicySchemas.Kind.MODEL, digest, problems));
        }
        YamlDocument operatorsDoc = readOptional(policiesDir.resolve("operators.yaml"), PolicySchemas.Kind.OPERATORS, digest, problems);
        YamlDocument governanceDoc = readOptional(policiesDir.resolve("governance.yaml"), PolicySchemas.Kind.GOVERNANCE, digest, problems);
        YamlDocument limitsDoc = readOptional(policiesDir.resolve("limits.yaml"), PolicySchemas.Kind.LIMITS, digest, problems);
        problems.throwIfAny();

        Map<String, ToolPolicy> tools = toTools(toolsDoc, problems);
        GovernanceSettings governance = governanceDoc == null ? GovernanceSettings.defaults() : toGovernance(governanceDoc, problems);
        Map<String, UseCasePolicy> useCases = new LinkedHashMap<>();
        Map<String, YamlDocument> useCaseSource = new LinkedHashMap<>();
        for (YamlDocument doc : useCaseDocs) {
            UseCasePolicy useCase = toUseCase(doc, problems);
            if (useCases.putIfAbsent(useCase.id(), useCase) != null) {
                problems.add(doc.problem("/id", "use-case '" + useCase.id() + "' staat ook in "
                        + useCaseSource.get(useCase.id()).file().getFileName()));
            } else {
                useCaseSource.put(useCase.id(), doc);
            }
        }
        Map<String, ModelDefinition> models = new LinkedHashMap<>();
        Map<String, YamlDocument> modelSource = new LinkedHashMap<>();
        for (YamlDocument doc : modelDocs) {
            ModelDefinition model = toModel(doc, problems);
            if (model == null) {
                continue;
            }
            if (models.putIfAbsent(model.id(), model) != null) {
                problems.add(doc.problem("/id", "model '" + model.id() + "' staat ook in " + modelSource.get(model.id()).file().getFileName()));
            } else {
                modelSource.put(model.id(), doc);
            }
        }
        List<OperatorAccount> operators = operatorsDoc == null ? List.of() : toOperators(operatorsDoc, problems);
        LimitsPolicy limits = limitsDoc == null ? null
                : LimitsReader.read(limitsDoc, bind(limitsDoc, PolicyFiles.LimitsFile.class), tools.keySet(), useCases.keySet(), problems);
        checkReferences(toolsDoc, tools, useCaseSource, useCases, modelSource, models, governance, problems);
        problems.throwIfAny();

        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        return new PolicySet(version, tools, useCases, new ModelCatalog(models.values()), operators, governance, limits);
    }

    // ---------------------------------------------------------------- reading

    private YamlDocument readRequired(Path file, PolicySchemas.Kind kind, MessageDigest digest, Problems problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(new PolicyProblem(file, 0, null, "bestand niet gevonden"));
            return null;
        }
        return readOptional(file, kind, digest, problems);
    }

    private YamlDocument readOptional(Path file, PolicySchemas.Kind kind, MessageDigest digest, Problems problems) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new PolicyProblem(file, 0, null, "kan het bestand niet lezen (" + e.getClass().getSimpleName() + ")"));
            return null;
        }
        digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
        YamlDocument doc = YamlDocument.read(file, bytes, problems);
        if (doc != null && !schemas.validate(kind, doc, problems)) {
            return null;
        }
        return doc;
    }

    private <T> T bind(YamlDocument doc, Class<T> type) {
        try {
            return yaml.treeToValue(doc.root(), type);
        } catch (IOException e) {
            // the schema should have caught this; report it the same way
            throw new PolicyLoadException(List.of(new PolicyProblem(doc.file(), 0, null, YamlDocument.firstLine(e.getMessage()))));
        }
    }

    // ---------------------------------------------------------------- tools and operators

    private Map<String, ToolPolicy> toTools(YamlDocument doc, Problems problems) {
        PolicyFiles.ToolsFile raw = bind(doc, PolicyFiles.ToolsFile.class);
        Map<String, ToolPolicy> tools = new LinkedHashMap<>();
        List<PolicyFiles.ToolEntry> entries = raw.tools() == null ? List.of() : raw.tools();
        for (int i = 0; i < entries.size(); i++) {
            PolicyFiles.ToolEntry t = entries.get(i);
            String keyHash = t.keySha256() == null ? null : t.keySha256().toLowerCase(Locale.ROOT);
            if (tools.putIfAbsent(t.id(), new ToolPolicy(t.id(), t.description(), keyHash, t.defaultUseCase(), t.useCases(),
                    Boolean.TRUE.equals(t.trustedIdentityHeaders()), t.oidcClientIds())) != null) {
                problems.add(doc.problem("/tools/" + i + "/id", "tool '" + t.id() + "' staat twee keer in het bestand"));
            }
        }
        return tools;
    }

    private List<OperatorAccount> toOperators(YamlDocument doc, Problems problems) {
        PolicyFiles.OperatorsFile raw = bind(doc, PolicyFiles.OperatorsFile.class);
        List<OperatorAccount> operators = new ArrayList<>();
        List<PolicyFiles.OperatorEntry> entries = raw.operators() == null ? List.of() : raw.operators();
        for (int i = 0; i < entries.size(); i++) {
            PolicyFiles.OperatorEntry o = entries.get(i);
            Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
            o.roles().forEach(role -> roles.add(OperatorRole.valueOf(role.toUpperCase(Locale.ROOT))));
            if (roles.size() > 1) {
                problems.add(doc.problem("/operators/" + i + "/roles", "sleutel '" + o.id() + "' heeft zowel de rol admin als auditor;"
                        + " functiescheiding: wie het beleid beheert, controleert het niet. Geef elke rol een eigen sleutel"));
            }
            LocalDate expires = null;
            try {
                expires = o.expires() == null ? null : LocalDate.parse(o.expires());
            } catch (DateTimeParseException e) {
                problems.add(doc.problem("/operators/" + i + "/expires", "geen geldige datum: gebruik bijvoorbeeld 2027-03-31"));
            }
            operators.add(new OperatorAccount(o.id(), o.keySha256().toLowerCase(Locale.ROOT), roles, expires));
        }
        return operators;
    }

    // ---------------------------------------------------------------- governance.yaml

    private GovernanceSettings toGovernance(YamlDocument doc, Problems problems) {
        PolicyFiles.GovernanceFile raw = bind(doc, PolicyFiles.GovernanceFile.class);
        GovernanceSettings.OverdueAction overdue = raw.evaluationOverdue() == null ? GovernanceSettings.OverdueAction.REFUSE
                : GovernanceSettings.OverdueAction.valueOf(raw.evaluationOverdue().toUpperCase(Locale.ROOT));
        List<ForbiddenPurpose> purposes = new ArrayList<>();
        List<PolicyFiles.PurposeEntry> entries = raw.forbiddenPurposes() == null ? List.of() : raw.forbiddenPurposes();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            PolicyFiles.PurposeEntry e = entries.get(i);
            if (!seen.add(e.id())) {
                problems.add(doc.problem("/forbidden-purposes/" + i + "/id", "doel '" + e.id() + "' staat twee keer in het bestand"));
            }
            List<List<Pattern>> groups = new ArrayList<>();
            for (int g = 0; g < e.match().size(); g++) {
                List<Pattern> group = new ArrayList<>();
                List<String> any = e.match().get(g).any();
                for (int p = 0; p < any.size(); p++) {
                    try {
                        group.add(Pattern.compile(any.get(p), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
                    } catch (PatternSyntaxException ex) {
                        problems.add(doc.problem("/forbidden-purposes/" + i + "/match/" + g + "/any/" + p,
                                "geen geldige reguliere expressie: " + ex.getDescription()));
                    }
                }
                groups.add(group);
            }
            purposes.add(new ForbiddenPurpose(e.id(), e.title(), e.legalBasis(), e.explanation(),
                    Boolean.TRUE.equals(e.appliesToAll()), groups));
        }
        return new GovernanceSettings(overdue, purposes);
    }

    // ---------------------------------------------------------------- use-cases

    private UseCasePolicy toUseCase(YamlDocument doc, Problems problems) {
        PolicyFiles.UseCaseFile raw = bind(doc, PolicyFiles.UseCaseFile.class);
        PolicyFiles.Allowed allowed = raw.allowed() == null ? new PolicyFiles.Allowed(null, null, null) : raw.allowed();
        int retention = contentRetentionDays(raw.audit());
        if ("high".equals(raw.riskClass()) && !Boolean.TRUE.equals(raw.humanReviewRequired())) {
            problems.add(doc.problem("/risk-class", "een use-case met risicoklasse 'high' moet 'human-review-required: true' hebben"
                    + " (menselijk toezicht, AI-verordening art. 14)"));
        }
        return new UseCasePolicy(raw.id(), raw.purpose(), raw.models(), toOperatorPolicy(raw.pii()), raw.disclaimer(),
                "suspended".equals(raw.status()), RiskClass.fromYaml(raw.riskClass()),
                allowed.tools(), allowed.departments(), allowed.roles(),
                Boolean.TRUE.equals(raw.specialCategoryAllowed()), raw.forbiddenPurposes(),
                Boolean.TRUE.equals(raw.humanReviewRequired()), retention, null,
                raw.pii() != null && "redact".equals(raw.pii().output()),
                new RequestFieldRules(RequestFieldRules.Attachments.fromYaml(raw.attachments()), raw.forwardMetadata()));
    }

    /** Redacted content is kept only when the use-case says so: {@code keep-content: true} keeps it 30 days by default. */
    static int contentRetentionDays(PolicyFiles.AuditSection audit) {
        if (audit == null) {
            return 0;
        }
        if (audit.contentRetentionDays() != null) {
            return audit.contentRetentionDays();
        }
        return Boolean.TRUE.equals(audit.keepContent()) ? DEFAULT_CONTENT_RETENTION_DAYS : 0;
    }

    private static OperatorPolicy toOperatorPolicy(PolicyFiles.PiiSection pii) {
        if (pii == null) {
            return OperatorPolicy.pseudonymiseAll();
        }
        Operator fallback = pii.defaultAction() == null ? Operator.PSEUDONYMISE : Operator.valueOf(pii.defaultAction().toUpperCase(Locale.ROOT));
        Map<EntityType, Operator> byType = new EnumMap<>(EntityType.class);
        if (pii.entities() != null) {
            pii.entities().forEach((type, action) ->
                    byType.put(EntityType.valueOf(type), Operator.valueOf(action.toUpperCase(Locale.ROOT))));
        }
        return new OperatorPolicy(byType, fallback);
    }

    // ---------------------------------------------------------------- models

    private ModelDefinition toModel(YamlDocument doc, Problems problems) {
        PolicyFiles.ModelFile raw = bind(doc, PolicyFiles.ModelFile.class);
        ProviderKind kind = ProviderKind.fromYaml(raw.provider());
        URI baseUrl = null;
        if (kind != ProviderKind.DRY_RUN) {
            try {
                String url = raw.baseUrl().endsWith("/") ? raw.baseUrl().substring(0, raw.baseUrl().length() - 1) : raw.baseUrl();
                baseUrl = URI.create(url);
            } catch (IllegalArgumentException e) {
                problems.add(doc.problem("/base-url", "geen geldige URL"));
            }
        }
        Duration connect = duration(raw.timeouts() == null ? null : raw.timeouts().connect(), DEFAULT_CONNECT);
        Duration response = duration(raw.timeouts() == null ? null : raw.timeouts().response(), DEFAULT_RESPONSE);
        Duration streamIdle = duration(raw.timeouts() == null ? null : raw.timeouts().streamIdle(), response);
        boolean embeddings = raw.embeddings() != null ? raw.embeddings() : kind == ProviderKind.OPENAI_COMPATIBLE || kind == ProviderKind.DRY_RUN;
        if (kind == ProviderKind.ANTHROPIC && Boolean.TRUE.equals(raw.embeddings())) {
            problems.add(doc.problem("/embeddings", "Anthropic-modellen leveren geen embeddings"));
        }
        LocalDate nextEvaluation = null;
        try {
            nextEvaluation = LocalDate.parse(raw.nextEvaluation());
        } catch (DateTimeParseException e) {
            problems.add(doc.problem("/next-evaluation", "geen geldige datum (JJJJ-MM-DD)"));
        }
        Hosting hosting = Hosting.fromYaml(raw.hosting());
        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        raw.dataClasses().forEach(c -> classes.add(DataClass.fromYaml(c)));
        boolean noTraining = Boolean.TRUE.equals(raw.noTraining());
        checkDataClasses(doc, hosting, classes, noTraining, raw.processorAgreement(), problems);
        ModelGovernance governance = new ModelGovernance(ModelStatus.fromYaml(raw.status()), hosting, raw.processorAgreement(),
                noTraining, raw.dpia(), raw.iama(), raw.owner(), raw.technicalAdministrator(), nextEvaluation, classes,
                raw.energyWhPer1kTokens(), raw.fallbacks(), null);
        return new ModelDefinition(raw.id(), raw.description(), kind, baseUrl, raw.upstreamModel(), raw.apiKeyEnv(),
                connect, response, streamIdle, embeddings, doc.file().getFileName().toString(), governance);
    }

    /**
     * The governance rules on data classes: special-category data only on-premises; personal data never outside
     * the EU, and in an EU cloud only with a processor agreement and a no-training commitment.
     */
    private static void checkDataClasses(YamlDocument doc, Hosting hosting, Set<DataClass> classes, boolean noTraining,
                                         String processorAgreement, Problems problems) {
        if (classes.contains(DataClass.SPECIAL_CATEGORY) && hosting != Hosting.ON_PREMISES) {
            problems.add(doc.problem("/data-classes", "bijzondere persoonsgegevens (special-category) mogen alleen naar een model dat on-premises draait (hosting: "
                    + hosting.yamlName() + ")"));
        }
        if (classes.contains(DataClass.PERSONAL_DATA) && hosting == Hosting.NON_EU) {
            problems.add(doc.problem("/data-classes", "persoonsgegevens (personal-data) mogen niet naar een model buiten de EU (hosting: non-eu)"));
        }
        if (!classes.isEmpty() && hosting == Hosting.EU_CLOUD) {
            if (processorAgreement == null) {
                problems.add(doc.problem("/processor-agreement", "een EU-cloudmodel dat persoonsgegevens ontvangt heeft een verwerkersovereenkomst nodig"));
            }
            if (!noTraining) {
                problems.add(doc.problem("/no-training", "een EU-cloudmodel dat persoonsgegevens ontvangt moet 'no-training: true' hebben"));
            }
        }
    }

    private static Duration duration(String text, Duration fallback) {
        return text == null || text.isBlank() ? fallback : DurationStyle.detectAndParse(text);
    }

    // ---------------------------------------------------------------- references between files

    private static void checkReferences(YamlDocument toolsDoc, Map<String, ToolPolicy> tools,
                                        Map<String, YamlDocument> useCaseSource, Map<String, UseCasePolicy> useCases,
                                        Map<String, YamlDocument> modelSource, Map<String, ModelDefinition> models,
                                        GovernanceSettings governance, Problems problems) {
        Set<String> purposeIds = new java.util.HashSet<>();
        governance.forbiddenPurposes().forEach(p -> purposeIds.add(p.id()));
        for (UseCasePolicy useCase : useCases.values()) {
            YamlDocument doc = useCaseSource.get(useCase.id());
            for (int i = 0; i < useCase.models().size(); i++) {
                if (!models.containsKey(useCase.models().get(i))) {
                    problems.add(doc.problem("/models/" + i, "model '" + useCase.models().get(i) + "' staat niet in models-config/"));
                }
            }
            PersonalDataReach.check(doc, useCase, models, problems);
            for (int i = 0; i < useCase.allowedTools().size(); i++) {
                if (!tools.containsKey(useCase.allowedTools().get(i))) {
                    problems.add(doc.problem("/allowed/tools/" + i, "tool '" + useCase.allowedTools().get(i) + "' staat niet in tools.yaml"));
                }
            }
            for (int i = 0; i < useCase.forbiddenPurposes().size(); i++) {
                if (!purposeIds.contains(useCase.forbiddenPurposes().get(i))) {
                    problems.add(doc.problem("/forbidden-purposes/" + i, "verboden doel '" + useCase.forbiddenPurposes().get(i)
                            + "' staat niet in governance.yaml"));
                }
            }
        }
        for (ModelDefinition model : models.values()) {
            YamlDocument doc = modelSource.get(model.id());
            List<String> fallbacks = model.governance().fallbacks();
            for (int i = 0; i < fallbacks.size(); i++) {
                String id = fallbacks.get(i);
                if (id.equals(model.id())) {
                    problems.add(doc.problem("/fallbacks/" + i, "een model kan niet zijn eigen terugvaloptie zijn"));
                } else if (!models.containsKey(id)) {
                    problems.add(doc.problem("/fallbacks/" + i, "model '" + id + "' staat niet in models-config/"));
                }
            }
        }
        List<String> toolIds = new ArrayList<>(tools.keySet());
        JsonNode entries = toolsDoc.root().path("tools");
        for (int t = 0; t < toolIds.size(); t++) {
            ToolPolicy tool = tools.get(toolIds.get(t));
            int index = indexOf(entries, tool.id());
            for (int i = 0; i < tool.useCases().size(); i++) {
                if (!useCases.containsKey(tool.useCases().get(i))) {
                    problems.add(toolsDoc.problem("/tools/" + index + "/use-cases/" + i,
                            "use-case '" + tool.useCases().get(i) + "' staat niet in use-cases/"));
                }
            }
            if (tool.defaultUseCase() != null && !useCases.containsKey(tool.defaultUseCase())) {
                problems.add(toolsDoc.problem("/tools/" + index + "/default-use-case",
                        "use-case '" + tool.defaultUseCase() + "' staat niet in use-cases/"));
            }
        }
    }

    private static int indexOf(JsonNode entries, String id) {
        for (int i = 0; i < entries.size(); i++) {
            if (id.equals(entries.get(i).path("id").asText())) {
                return i;
            }
        }
        return 0;
    }

    private static List<Path> yamlFiles(Path dir, Problems problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(new PolicyProblem(dir, 0, null, "map niet gevonden"));
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new PolicyProblem(dir, 0, null, "kan de map niet lezen"));
            return List.of();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
