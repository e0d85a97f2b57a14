package nl.dijkwacht.pipeline;

/**
 * One question the purpose guard put to the use-case's guard model while judging a request (issue 10): the model,
 * the question ({@code forbidden-purpose} or {@code personal-special-category}) and its answer ({@code yes},
 * {@code no} or {@code failed:<reason>}). Never any text; /admin/explain shows it, so an administrator sees that a
 * model was called although the answering model was not.
 */
public record GuardModelCall(String model, String question, String answer) {
}
