package nl.dijkwacht.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A use-case's task routing ({@code tasks:} in its YAML): per task (e.g. {@code samenvatten}), the models to try in
 * order — typically a small fine-tuned model first and a general model after it.
 */
public record TaskRoutes(Map<String, List<String>> byTask) {

    public static final TaskRoutes NONE = new TaskRoutes(Map.of());

    public TaskRoutes {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        (byTask == null ? Map.<String, List<String>>of() : byTask).forEach((task, models) -> copy.put(task, List.copyOf(models)));
        byTask = java.util.Collections.unmodifiableMap(copy);
    }

    public Optional<List<String>> route(String task) {
        return task == null ? Optional.empty() : Optional.ofNullable(byTask.get(task));
    }

    public boolean isEmpty() {
        return byTask.isEmpty();
    }
}
