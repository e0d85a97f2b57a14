package nl.dijkwacht.purpose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PolicyLoader;
import nl.dijkwacht.policy.PolicySet;

/**
 * The purpose-guard evaluation command: per-class precision / recall and the confusion table of a guard on the
 * development and/or held-out part of the evaluation set. From the repository root:
 * <pre>
 * ./mvnw -q -B -pl gateway test-compile exec:exec@purpose-eval [-Dguard=today|layered] [-Dset=dev|heldout|both]
 * </pre>
 * {@code today} is the guard before issue 10: the regular expressions of policies/governance.yaml for forbidden
 * purposes, and any term of the PII engine's special-category list counted as special-category data.
 */
public final class PurposeEvaluation {

    private PurposeEvaluation() {
    }

    public static void main(String[] args) {
        String guard = System.getProperty("guard", "today");
        String which = System.getProperty("set", "dev");
        PolicySet policy = defaultPolicy();
        Function<String, Verdict> judge = switch (guard) {
            case "today" -> today(policy);
            default -> throw new IllegalArgumentException("unknown guard " + guard);
        };
        List<String> parts = which.equals("both") ? List.of("dev", "heldout") : List.of(which);
        for (String part : parts) {
            System.out.println(new EvalReport(guard, EvalSet.load(part), judge).markdown());
        }
    }

    static PolicySet defaultPolicy() {
        Path root = Files.isDirectory(Path.of("policies")) ? Path.of(".") : Path.of("..");
        return new PolicyLoader().load(root.resolve("policies"), root.resolve("models-config"));
    }

    /** The guard as it was before issue 10. */
    static Function<String, Verdict> today(PolicySet policy) {
        List<ForbiddenPurpose> rules = policy.governance().forbiddenPurposes();
        PiiEngine engine = PiiEngine.dutchDefault();
        return text -> {
            for (ForbiddenPurpose rule : rules) {
                if (rule.matches(text)) {
                    return Verdict.FORBIDDEN_PURPOSE;
                }
            }
            boolean special = engine.detect(text).stream().anyMatch(f -> f.type() == EntityType.SPECIAL_CATEGORY);
            return special ? Verdict.PERSONAL_SPECIAL_CATEGORY : Verdict.ALLOWED;
        };
    }
}
