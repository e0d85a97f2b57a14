package nl.dijkwacht.config;

import java.util.stream.Collectors;
import nl.dijkwacht.policy.PolicyLoadException;
import nl.dijkwacht.policy.PolicyProblem;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A policy pack that does not load stops the start with its problems, each naming file, line and field — not a stack
 * trace, and never a start with part of the policy: the gateway has no policy to fall back on at start-up.
 */
public final class InvalidPolicyFailureAnalyzer extends AbstractFailureAnalyzer<PolicyLoadException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PolicyLoadException cause) {
        String problems = cause.problems().isEmpty() ? "    " + cause.getMessage()
                : cause.problems().stream().map(PolicyProblem::toString).map(p -> "    " + p).collect(Collectors.joining("\n"));
        return new FailureAnalysis("Dijkwacht cannot start: the policy (dijkwacht.policies-dir, dijkwacht.models-dir) is invalid; "
                + "nothing of it was loaded. " + cause.problems().size() + " problem(s):\n" + problems,
                "Correct the files named above and start again. Check them without starting the gateway: "
                        + "./mvnw -q -pl gateway compile exec:exec -Dpolicies=<dir> -Dmodels=<dir> (docs/admin-guide.md).", cause);
    }
}
