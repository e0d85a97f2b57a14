package nl.dijkwacht.pipeline;

import java.util.Locale;

/**
 * What one policy step did to one request, as the pipeline runner saw it: the step's id, its outcome, the rule and
 * refusal code it gave, and how long it took. Never text from the request. {@code /admin/explain} shows these.
 *
 * @param outcome {@code continue}, {@code rewrite}, {@code deny}, {@code failed} (exception: fail closed) or {@code skipped}
 * @param effect  for a rewrite: what it did ({@code redacted}, {@code rerouted}); else {@code null}
 */
public record StepTrace(String step, String outcome, Decision effect, String rule, String code, long micros) {

    static StepTrace of(String step, Outcome outcome, long micros) {
        return switch (outcome) {
            case Outcome.Continue c -> new StepTrace(step, "continue", null, null, null, micros);
            case Outcome.Rewrite r -> new StepTrace(step, "rewrite", r.effect(), r.rule(), null, micros);
            case Outcome.Deny d -> new StepTrace(step, "deny", null, d.rule(), d.refusal().code(), micros);
        };
    }

    static StepTrace failed(String step, String rule, long micros) {
        return new StepTrace(step, "failed", null, rule, "policy_step_failed", micros);
    }

    static StepTrace skipped(String step) {
        return new StepTrace(step, "skipped", null, null, null, 0);
    }

    public String effectName() {
        return effect == null ? null : effect.name().toLowerCase(Locale.ROOT);
    }
}
