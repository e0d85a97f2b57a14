package nl.dijkwacht.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import nl.dijkwacht.catalog.FineTuning;
import nl.dijkwacht.catalog.Hosting;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.identity.OperatorAccount;
import nl.dijkwacht.identity.OperatorRole;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.anonymize.Operator;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;

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
        YamlDocument literacyDoc = readOptional(policiesDir.resolve("ai-literacy.yaml"), PolicySchemas.Kind.AI_LITERACY, digest, problems);
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
        governance = governance.withAiLiteracy(toAiLiteracy(governanceDoc, literacyDoc, useCaseSource, problems));
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

    // ---------------------------------------------------------------- AI literacy

    /**
     * The use-cases with {@code ai-literacy: required}, the period and training URL of governance.yaml and the
     * registry file. A use-case cannot require it without a training URL to name in the refusal.
     */
    private AiLiteracyPolicy toAiLiteracy(YamlDocument governanceDoc, YamlDocument registryDoc,
                                          Map<String, YamlDocument> useCaseSource, Problems problems) {
        PolicyFiles.AiLiteracySection section = governanceDoc == null ? null
                : bind(governanceDoc, PolicyFiles.GovernanceFile.class).aiLiteracy();
        Set<String> required = new java.util.TreeSet<>();
        useCaseSource.forEach((id, doc) -> {
            if ("required".equals(bind(doc, PolicyFiles.UseCaseFile.class).aiLiteracy())) {
                required.add(id);
                if (section == null || section.trainingUrl() == null) {
                    problems.add(doc.problem("/ai-literacy", "'ai-literacy: required' vraagt in governance.yaml om 'ai-literacy:"
                            + " training-url: …' (waar medewerkers de training volgen; die staat in de weigering)"));
                }
            }
        });
        Map<String, LocalDate> byPseudonym = new LinkedHashMap<>();
        Map<String, LocalDate> bySha256 = new LinkedHashMap<>();
        if (registryDoc != null) {
            List<PolicyFiles.TrainedEntry> entries = bind(registryDoc, PolicyFiles.AiLiteracyFile.class).trained();
            for (int i = 0; i < entries.size(); i++) {
                PolicyFiles.TrainedEntry e = entries.get(i);
                LocalDate date;
                try {
                    date = LocalDate.parse(e.date());
                } catch (DateTimeParseException ex) {
                    problems.add(registryDoc.problem("/trained/" + i + "/date", "geen geldige datum (jjjj-mm-dd): " + e.date()));
                    continue;
                }
                if (date.isAfter(LocalDate.now().plusDays(1))) {
                    problems.add(registryDoc.problem("/trained/" + i + "/date", "datum ligt in de toekomst: " + e.date()));
                    continue;
                }
                if (e.pseudonym() != null) {
                    byPseudonym.merge(e.pseudonym(), date, (a, b) -> a.isAfter(b) ? a : b);
                } else {
                    bySha256.merge(e.userSha256().toLowerCase(Locale.ROOT), date, (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        return new AiLiteracyPolicy(section == null || section.validForMonths() == null ? AiLiteracyPolicy.DEFAULT_VALID_FOR_MONTHS
                : section.validForMonths(), section == null ? null : section.trainingUrl(), required, byPseudonym, bySha256);
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
                new RequestFieldRules(RequestFieldRules.Attachments.fromYaml(raw.attachments()), raw.forwardMetadata()),
                new TaskRoutes(raw.tasks()), toPurposeGuard(doc, raw.purposeGuard(), problems));
    }

    /**
     * The use-case's {@code purpose-guard:} over {@link PurposeGuardPolicy#DEFAULTS}: every field left out keeps its
     * default. The schema checks each value; the relations between them (allow-below ≤ decide-at ≤ refuse-at,
     * topic-below ≤ personal-at) are checked here.
     */
    static PurposeGuardPolicy toPurposeGuard(YamlDocument doc, PolicyFiles.PurposeGuardSection raw, Problems problems) {
        PurposeGuardPolicy d = PurposeGuardPolicy.DEFAULTS;
        if (raw == null) {
            return d;
        }
        double refuseAt = raw.refuseAt() == null ? d.refuseAt() : raw.refuseAt();
        double allowBelow = raw.allowBelow() == null ? d.allowBelow() : raw.allowBelow();
        double personalAt = raw.personalAt() == null ? d.personalAt() : raw.personalAt();
        double topicBelow = raw.topicBelow() == null ? d.topicBelow() : raw.topicBelow();
        double decideAt = raw.decideAt() == null ? d.decideAt() : raw.decideAt();
        double withoutTerm = raw.personalWithoutTermAt() == null ? d.personalWithoutTermAt() : raw.personalWithoutTermAt();
        if (decideAt < allowBelow || decideAt > refuseAt) {
            problems.add(doc.problem("/purpose-guard/decide-at", "decide-at (" + decideAt + ") moet tussen allow-below ("
                    + allowBelow + ") en refuse-at (" + refuseAt + ") liggen"));
        }
        java.time.Duration budget = raw.guardBudget() == null ? d.guardBudget() : ModelEntries.duration(raw.guardBudget(), d.guardBudget());
        PurposeGuardPolicy.FailureOutcome onFailure = raw.onGuardFailure() == null ? d.onGuardFailure()
                : PurposeGuardPolicy.FailureOutcome.valueOf(raw.onGuardFailure().toUpperCase(Locale.ROOT));
        try {
            return new PurposeGuardPolicy(refuseAt, allowBelow, personalAt, topicBelow, decideAt, withoutTerm, raw.guardModel(), budget,
                    onFailure);
        } catch (IllegalArgumentException e) {
            problems.add(doc.problem("/purpose-guard", e.getMessage()));
            return d;
        }
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
        return ModelEntries.read(doc, bind(doc, PolicyFiles.ModelFile.class), problems);
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
            checkTaskRoutes(doc, useCase, models, problems);
            checkGuardModel(doc, useCase, models, problems);
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

    /**
     * Every model on a task route is in the catalogue and in the use-case's models; a fine-tuned model was trained
     * for the task and has an evaluation record for it — without one it cannot be routed that task.
     */
    private static void checkTaskRoutes(YamlDocument doc, UseCasePolicy useCase, Map<String, ModelDefinition> models, Problems problems) {
        useCase.tasks().byTask().forEach((task, route) -> {
            for (int i = 0; i < route.size(); i++) {
                String id = route.get(i);
                String pointer = "/tasks/" + task + "/" + i;
                ModelDefinition model = models.get(id);
                if (model == null) {
                    problems.add(doc.problem(pointer, "model '" + id + "' staat niet in models-config/"));
                    continue;
                }
                if (!useCase.allowsModel(id)) {
                    problems.add(doc.problem(pointer, "model '" + id + "' staat niet in 'models' van deze use-case"));
                }
                FineTuning ft = model.governance().fineTuning();
                if (ft != null && !ft.tasks().contains(task)) {
                    problems.add(doc.problem(pointer, "het gefinetunede model '" + id + "' is niet getraind voor taak '" + task
                            + "' (staat niet in zijn 'tasks')"));
                } else if (ft != null && !ft.evaluatedFor(task)) {
                    problems.add(doc.problem(pointer, "het gefinetunede model '" + id + "' heeft geen evaluatie voor taak '" + task
                            + "' en mag die taak daarom niet krijgen"));
                }
            }
        });
    }

    /**
     * The guard model a use-case names is in the catalogue with {@code role: guard}, and may see what it is asked about:
     * the request text as the staff member wrote it, so on-premises and allowed special-category data.
     */
    private static void checkGuardModel(YamlDocument doc, UseCasePolicy useCase, Map<String, ModelDefinition> models, Problems problems) {
        String id = useCase.purposeGuard().guardModel();
        if (id == null) {
            return;
        }
        String pointer = "/purpose-guard/guard-model";
        ModelDefinition model = models.get(id);
        if (model == null) {
            problems.add(doc.problem(pointer, "model '" + id + "' staat niet in models-config/"));
        } else if (model.governance().role() != nl.dijkwacht.catalog.ModelRole.GUARD) {
            problems.add(doc.problem(pointer, "model '" + id + "' is geen controlemodel: geef het in models-config/"
                    + model.sourceFile() + " 'role: guard'"));
        } else if (model.governance().hosting() != Hosting.ON_PREMISES
                || !model.governance().mayReceive(nl.dijkwacht.catalog.DataClass.SPECIAL_CATEGORY)) {
            problems.add(doc.problem(pointer, "controlemodel '" + id + "' ziet de vraag zoals de medewerker die schreef en moet daarom"
                    + " on-premises draaien met 'data-classes: [personal-data, special-category]'"));
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
