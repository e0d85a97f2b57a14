package nl.dijkwacht.policy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.identity.OperatorAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code policies/} (tools.yaml, operators.yaml, governance.yaml, use-cases/*.yaml) and
 * {@code models-config/} (*.yaml, one model per file) into one {@link PolicySet}.
 *
 * <p>Every file is first checked against its published JSON Schema, then the cross-file rules are checked
 * (references, governance rules such as "special-category data only on-premises"). All problems are collected
 * and thrown together as a {@link PolicyLoadException}, each naming file, line and field; nothing half-read is
 * ever returned. Each kind of file has its own reader ({@link ToolsReader}, {@link UseCaseReader},
 * {@link ModelEntries}, ...); the rules across files are {@link PolicyReferences}.
 */
public final class PolicyLoader {

    private static final Logger log = LoggerFactory.getLogger(PolicyLoader.class);

    private final PolicySchemas schemas = new PolicySchemas();

    /**
     * @throws PolicyLoadException with every problem found — also when a reader fails in a way no rule foresaw: then
     *         nothing is loaded either, the problem says so in Dutch and the log has the cause for the developers
     */
    public PolicySet load(Path policiesDir, Path modelsDir) {
        try {
            return read(policiesDir, modelsDir);
        } catch (PolicyLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("policy files in {} and {} could not be read (a reader failed; nothing was loaded)", policiesDir, modelsDir, e);
            throw new PolicyLoadException(List.of(new PolicyProblem(policiesDir, 0, null,
                    "onverwachte fout bij het lezen van het beleid; niets is ingeladen. Controleer de bestanden met de validator "
                            + "(docs/admin-guide.md) en meld de fout uit het logboek aan de ontwikkelaars")));
        }
    }

    private PolicySet read(Path policiesDir, Path modelsDir) {
        Problems problems = new Problems();
        PolicyDocuments files = new PolicyDocuments(schemas, problems);

        YamlDocument toolsDoc = files.required(policiesDir.resolve("tools.yaml"), PolicySchemas.Kind.TOOLS);
        List<YamlDocument> useCaseDocs = files.all(policiesDir.resolve("use-cases"), PolicySchemas.Kind.USE_CASE);
        List<YamlDocument> modelDocs = files.all(modelsDir, PolicySchemas.Kind.MODEL);
        YamlDocument operatorsDoc = files.optional(policiesDir.resolve("operators.yaml"), PolicySchemas.Kind.OPERATORS);
        YamlDocument governanceDoc = files.optional(policiesDir.resolve("governance.yaml"), PolicySchemas.Kind.GOVERNANCE);
        YamlDocument limitsDoc = files.optional(policiesDir.resolve("limits.yaml"), PolicySchemas.Kind.LIMITS);
        YamlDocument literacyDoc = files.optional(policiesDir.resolve("ai-literacy.yaml"), PolicySchemas.Kind.AI_LITERACY);
        problems.throwIfAny();

        Map<String, ToolPolicy> tools = ToolsReader.read(toolsDoc, problems);
        GovernanceSettings governance = governanceDoc == null ? GovernanceSettings.defaults() : GovernanceReader.read(governanceDoc, problems);
        Map<String, YamlDocument> useCaseSource = new LinkedHashMap<>();
        Map<String, UseCasePolicy> useCases = byId(useCaseDocs, doc -> UseCaseReader.read(doc, problems), UseCasePolicy::id,
                "use-case", useCaseSource, problems);
        Map<String, YamlDocument> modelSource = new LinkedHashMap<>();
        Map<String, ModelDefinition> models = byId(modelDocs,
                doc -> ModelEntries.read(doc, doc.bind(PolicyFiles.ModelFile.class), problems), ModelDefinition::id,
                "model", modelSource, problems);
        List<OperatorAccount> operators = operatorsDoc == null ? List.of() : OperatorsReader.read(operatorsDoc, problems);
        LimitsPolicy limits = limitsDoc == null ? null
                : LimitsReader.read(limitsDoc, limitsDoc.bind(PolicyFiles.LimitsFile.class), tools.keySet(), useCases.keySet(), problems);
        new PolicyReferences(toolsDoc, tools, useCaseSource, useCases, modelSource, models, problems).check(governance);
        governance = governance.withAiLiteracy(AiLiteracyReader.read(governanceDoc, literacyDoc, useCaseSource, problems));
        problems.throwIfAny();

        return new PolicySet(files.version(), tools, useCases, new ModelCatalog(models.values()), operators, governance, limits);
    }

    /**
     * Reads each document (a {@code null} result is skipped: its problems are reported) into a map by id, in file
     * order; an id in two files is reported on the second, and {@code source} records the file each id came from.
     */
    private static <T> Map<String, T> byId(List<YamlDocument> docs, Function<YamlDocument, T> read, Function<T, String> id,
                                           String noun, Map<String, YamlDocument> source, Problems problems) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (YamlDocument doc : docs) {
            T item = read.apply(doc);
            if (item == null) {
                continue;
            }
            String key = id.apply(item);
            if (byId.putIfAbsent(key, item) != null) {
                problems.add(doc.problem("/id", noun + " '" + key + "' staat ook in " + source.get(key).file().getFileName()));
            } else {
                source.put(key, doc);
            }
        }
        return byId;
    }
}
