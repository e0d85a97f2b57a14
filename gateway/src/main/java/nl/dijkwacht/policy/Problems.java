package nl.dijkwacht.policy;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while reading the policy, so an administrator sees them all at once. */
final class Problems {

    private final List<PolicyProblem> list = new ArrayList<>();

    void add(PolicyProblem problem) {
        list.add(problem);
    }

    boolean any() {
        return !list.isEmpty();
    }

    List<PolicyProblem> all() {
        return List.copyOf(list);
    }

    void throwIfAny() {
        if (any()) {
            throw new PolicyLoadException(all());
        }
    }
}
