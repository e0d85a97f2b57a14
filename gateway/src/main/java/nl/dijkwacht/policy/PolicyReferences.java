package nl.dijkwacht.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.dijkwacht.catalog.DataClass;
import nl.dijkwacht.catalog.FineTuning;
import nl.dijkwacht.catalog.Hosting;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ModelRole;

/**
 * The rules across files: every model, tool, use-case and forbidden purpose a file names exists, and what a use-case
 * routes to or asks as its guard may be used that way. Each problem names the file and field that holds the reference.
 */
final class PolicyReferences {

    private final YamlDocument toolsDoc;
    private final Map<String, ToolPolicy> tools;
    private final Map<String, YamlDocument> useCaseSource;
    private final Map<String, UseCasePolicy> useCases;
    private final Map<String, YamlDocument> modelSource;
    private final Map<String, ModelDefinition> models;
    private final Problems problems;

    PolicyReferences(YamlDocument toolsDoc, Map<String, ToolPolicy> tools, Map<String, YamlDocument> useCaseSource,
                     Map<String, UseCasePolicy> useCases, Map<String, YamlDocument> modelSource,
                     Map<String, ModelDefinition> models, Problems problems) {
        this.toolsDoc = toolsDoc;
        this.tools = tools;
        this.useCaseSource = useCaseSource;
        this.useCases = useCases;
        this.modelSource = modelSource;
        this.models = models;
        this.problems = problems;
    }

    void check(GovernanceSettings governance) {
        Set<String> purposeIds = new HashSet<>();
        governance.forbiddenPurposes().forEach(p -> purposeIds.add(p.id()));
        for (UseCasePolicy useCase : useCases.values()) {
            checkUseCase(useCaseSource.get(useCase.id()), useCase, purposeIds);
        }
        for (ModelDefinition model : models.values()) {
            checkFallbacks(modelSource.get(model.id()), model);
        }
        checkTools();
    }

    private void checkUseCase(YamlDocument doc, UseCasePolicy useCase, Set<String> purposeIds) {
        for (int i = 0; i < useCase.models().size(); i++) {
            if (!models.containsKey(useCase.models().get(i))) {
                problems.add(doc.problem("/models/" + i, "model '" + useCase.models().get(i) + "' staat niet in models-config/"));
            }
        }
        checkTaskRoutes(doc, useCase);
        checkGuardModel(doc, useCase);
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

    /**
     * Every model on a task route is in the catalogue and in the use-case's models; a fine-tuned model was trained
     * for the task and has an evaluation record for it — without one it cannot be routed that task.
     */
    private void checkTaskRoutes(YamlDocument doc, UseCasePolicy useCase) {
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
    private void checkGuardModel(YamlDocument doc, UseCasePolicy useCase) {
        String id = useCase.purposeGuard().guardModel();
        if (id == null) {
            return;
        }
        String pointer = "/purpose-guard/guard-model";
        ModelDefinition model = models.get(id);
        if (model == null) {
            problems.add(doc.problem(pointer, "model '" + id + "' staat niet in models-config/"));
        } else if (model.governance().role() != ModelRole.GUARD) {
            problems.add(doc.problem(pointer, "model '" + id + "' is geen controlemodel: geef het in models-config/"
                    + model.sourceFile() + " 'role: guard'"));
        } else if (model.governance().hosting() != Hosting.ON_PREMISES
                || !model.governance().mayReceive(DataClass.SPECIAL_CATEGORY)) {
            problems.add(doc.problem(pointer, "controlemodel '" + id + "' ziet de vraag zoals de medewerker die schreef en moet daarom"
                    + " on-premises draaien met 'data-classes: [personal-data, special-category]'"));
        }
    }

    private void checkFallbacks(YamlDocument doc, ModelDefinition model) {
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

    /** The use-cases each tool names in tools.yaml exist. */
    private void checkTools() {
        JsonNode entries = toolsDoc.root().path("tools");
        for (ToolPolicy tool : tools.values()) {
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
}
