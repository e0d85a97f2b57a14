package nl.dijkwacht.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * What makes a model a fine-tuned model, as its governance record declares it: the base model, the adapter it is
 * served under, the tasks it was trained and evaluated for, where its training data came from and how it scored.
 * A fine-tuned model may be routed a task only when it has an evaluation record for that task (checked at load).
 *
 * @param adapter the LoRA adapter's name as vLLM ({@code --lora-modules name=path}) or Ollama ({@code ollama create
 *                name}) serves it; it is what the gateway sends as {@code model}
 */
public record FineTuning(String baseModel, String adapter, List<String> tasks, TrainingData trainingData,
                         List<Evaluation> evaluations) {

    public FineTuning {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        evaluations = evaluations == null ? List.of() : List.copyOf(evaluations);
    }

    /**
     * Provenance of the training data.
     *
     * @param period       e.g. {@code 2023-01 t/m 2025-06}
     * @param personalData whether it held personal data (then {@code legalBasis} is required)
     */
    public record TrainingData(String description, String period, boolean personalData, String legalBasis) {
    }

    /** One evaluation result: for which task, which metric, its value, when, on which (referenced) evaluation set. */
    public record Evaluation(String task, String metric, double value, LocalDate date, String evaluationSet) {
    }

    public boolean evaluatedFor(String task) {
        return evaluations.stream().anyMatch(e -> e.task().equals(task));
    }

    public List<Evaluation> evaluationsFor(String task) {
        return evaluations.stream().filter(e -> e.task().equals(task)).toList();
    }
}
