package nl.dijkwacht.policy;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.dijkwacht.catalog.AzureSettings;
import nl.dijkwacht.catalog.BreakerSettings;
import nl.dijkwacht.catalog.DataClass;
import nl.dijkwacht.catalog.FineTuning;
import nl.dijkwacht.catalog.Hosting;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ModelGovernance;
import nl.dijkwacht.catalog.ModelStatus;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.catalog.Serving;
import org.springframework.boot.convert.DurationStyle;

/**
 * Reads one {@code models-config/<id>.yaml} entry (already checked against its schema) into a {@link ModelDefinition}:
 * how to reach the model (base URLs, timeouts, provider settings, breaker, limits), its governance record and, for a
 * fine-tuned model, its fine-tuning record — with the rules that concern one model alone (data classes against
 * hosting, training-data legal basis, evaluations). Rules across files are {@link PolicyReferences}.
 */
final class ModelEntries {

    private static final Duration DEFAULT_CONNECT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_RESPONSE = Duration.ofSeconds(120);

    private ModelEntries() {
    }


    static ModelDefinition read(YamlDocument doc, PolicyFiles.ModelFile raw, Problems problems) {
        ProviderKind kind = ProviderKind.fromYaml(raw.provider());
        List<URI> baseUrls = new ArrayList<>();
        if (kind != ProviderKind.DRY_RUN) {
            if (raw.baseUrl() != null) {
                addUrl(doc, "/base-url", raw.baseUrl(), baseUrls, problems);
            }
            List<String> urls = raw.baseUrls() == null ? List.of() : raw.baseUrls();
            for (int i = 0; i < urls.size(); i++) {
                addUrl(doc, "/base-urls/" + i, urls.get(i), baseUrls, problems);
            }
        }
        URI baseUrl = baseUrls.isEmpty() ? null : baseUrls.getFirst();
        Duration connect = duration(doc, "/timeouts/connect", raw.timeouts() == null ? null : raw.timeouts().connect(), DEFAULT_CONNECT, problems);
        Duration response = duration(doc, "/timeouts/response", raw.timeouts() == null ? null : raw.timeouts().response(), DEFAULT_RESPONSE, problems);
        Duration streamIdle = duration(doc, "/timeouts/stream-idle", raw.timeouts() == null ? null : raw.timeouts().streamIdle(), response, problems);
        boolean embeddings = raw.embeddings() != null ? raw.embeddings() : kind.openAiWire() || kind == ProviderKind.DRY_RUN;
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
        FineTuning fineTuning = fineTuning(doc, raw, problems);
        ModelGovernance governance = new ModelGovernance(ModelStatus.fromYaml(raw.status()), hosting, raw.processorAgreement(),
                noTraining, raw.dpia(), raw.iama(), raw.owner(), raw.technicalAdministrator(), nextEvaluation, classes,
                raw.energyWhPer1kTokens(), raw.fallbacks(), null, fineTuning, nl.dijkwacht.catalog.ModelRole.fromYaml(raw.role()),
                "allowed".equals(raw.providerStorage()));
        String upstreamModel = raw.upstreamModel();
        if (raw.adapter() != null) {
            if (upstreamModel != null && !upstreamModel.equals(raw.adapter())) {
                problems.add(doc.problem("/adapter", "'adapter' en 'upstream-model' verschillen; vLLM en Ollama spreken een"
                        + " LoRA-adapter aan met zijn eigen naam: laat 'upstream-model' weg"));
            }
            upstreamModel = raw.adapter();
        }
        Serving serving = new Serving(baseUrls, raw.maxConcurrent(), breaker(doc, raw.circuitBreaker(), problems),
                raw.contextWindow(), raw.maxOutputTokens(), azure(raw.azure()));
        return new ModelDefinition(raw.id(), raw.description(), kind, baseUrl, upstreamModel, raw.apiKeyEnv(),
                connect, response, streamIdle, embeddings, doc.file().getFileName().toString(), governance, serving);
    }

    /**
     * The fine-tuning record (the schema makes base-model, tasks, training-data and evaluations go together):
     * evaluations only for tasks the model lists, a legal basis when the training data held personal data, and no
     * evaluation dated in the future.
     */
    private static FineTuning fineTuning(YamlDocument doc, PolicyFiles.ModelFile raw, Problems problems) {
        if (raw.baseModel() == null) {
            return null;
        }
        PolicyFiles.TrainingData data = raw.trainingData();
        boolean personalData = Boolean.TRUE.equals(data.personalData());
        if (personalData && data.legalBasis() == null) {
            problems.add(doc.problem("/training-data/legal-basis", "de trainingsdata bevatte persoonsgegevens: noem de grondslag"
                    + " (legal-basis)"));
        }
        List<FineTuning.Evaluation> evaluations = new ArrayList<>();
        for (int i = 0; i < raw.evaluations().size(); i++) {
            PolicyFiles.Evaluation e = raw.evaluations().get(i);
            if (!raw.tasks().contains(e.task())) {
                problems.add(doc.problem("/evaluations/" + i + "/task", "taak '" + e.task() + "' staat niet in 'tasks' van dit model"));
            }
            LocalDate date = null;
            try {
                date = LocalDate.parse(e.date());
                if (date.isAfter(LocalDate.now())) {
                    problems.add(doc.problem("/evaluations/" + i + "/date", "een evaluatie kan niet in de toekomst liggen"));
                }
            } catch (DateTimeParseException ex) {
                problems.add(doc.problem("/evaluations/" + i + "/date", "geen geldige datum (JJJJ-MM-DD)"));
            }
            evaluations.add(new FineTuning.Evaluation(e.task(), e.metric(), e.value(), date, e.evaluationSet()));
        }
        return new FineTuning(raw.baseModel(), raw.adapter(), raw.tasks(),
                new FineTuning.TrainingData(data.description(), data.period(), personalData, data.legalBasis()), evaluations);
    }

    private static AzureSettings azure(PolicyFiles.Azure raw) {
        if (raw == null) {
            return null;
        }
        return new AzureSettings(raw.deployment(), raw.apiVersion(),
                "entra-id".equals(raw.auth()) ? AzureSettings.Auth.ENTRA_ID : AzureSettings.Auth.API_KEY,
                raw.tenantId(), raw.clientId(), raw.clientSecretEnv(), raw.tokenUrl() == null ? null : URI.create(raw.tokenUrl()),
                raw.scope());
    }

    private static void addUrl(YamlDocument doc, String pointer, String text, List<URI> into, Problems problems) {
        try {
            into.add(URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text));
        } catch (IllegalArgumentException e) {
            problems.add(doc.problem(pointer, "geen geldige URL"));
        }
    }

    private static BreakerSettings breaker(YamlDocument doc, PolicyFiles.CircuitBreaker raw, Problems problems) {
        if (raw == null) {
            return BreakerSettings.DEFAULT;
        }
        BreakerSettings d = BreakerSettings.DEFAULT;
        int minimumCalls = raw.minimumCalls() == null ? d.minimumCalls() : raw.minimumCalls();
        int window = raw.window() == null ? Math.max(d.window(), minimumCalls) : raw.window();
        if (window < minimumCalls) {
            problems.add(doc.problem("/circuit-breaker/window", "'window' moet minstens zo groot zijn als 'minimum-calls' (" + minimumCalls + ")"));
            return d;
        }
        // a block without open-for keeps its other fields (open-for defaults like the rest; flake28)
        Duration openFor = duration(doc, "/circuit-breaker/open-for", raw.openFor(), d.openFor(), problems);
        return new BreakerSettings(raw.failureRate() == null ? d.failureRatePercent() : raw.failureRate(), minimumCalls, window, openFor);
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

    /** The longest duration a setting takes: a timeout or pause longer than a day is a typo, not a setting. */
    static final Duration MAX_DURATION = Duration.ofDays(1);

    /**
     * A duration setting ({@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}; the schema checks the form): {@code fallback}
     * when absent. Zero (for an HTTP client: no time limit at all) and more than a day are reported at {@code pointer};
     * then {@code fallback} comes back (the load fails anyway).
     */
    static Duration duration(YamlDocument doc, String pointer, String text, Duration fallback, Problems problems) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        Duration parsed;
        try {
            parsed = DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            parsed = null;
        }
        if (parsed == null || parsed.compareTo(MAX_DURATION) > 0) {
            problems.add(doc.problem(pointer, "duur '" + YamlStructure.abbreviated(text) + "' is te lang (hoogstens 24h)"));
            return fallback;
        }
        if (parsed.isZero() || parsed.isNegative()) {
            problems.add(doc.problem(pointer, "duur moet langer dan 0 zijn (0 zou voor een verbinding 'nooit opgeven' betekenen)"));
            return fallback;
        }
        return parsed;
    }
}
