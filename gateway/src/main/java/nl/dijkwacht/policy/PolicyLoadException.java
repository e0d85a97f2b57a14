package nl.dijkwacht.policy;

import java.util.List;

/**
 * The policy or catalogue files could not be read or are invalid. {@link #problems()} lists every problem
 * found, each naming file, line and field; the message is all of them, one per line.
 */
public class PolicyLoadException extends RuntimeException {

    private final List<PolicyProblem> problems;

    public PolicyLoadException(String message) {
        super(message);
        this.problems = List.of();
    }

    public PolicyLoadException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    public PolicyLoadException(List<PolicyProblem> problems) {
        super(problems.size() + " probleem/problemen in het beleid:\n"
                + String.join("\n", problems.stream().map(PolicyProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
