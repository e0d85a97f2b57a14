package nl.dijkwacht.identity;

import java.util.Set;

/** A person or system with management access, known by the SHA-256 of its key, as declared in policies/operators.yaml. */
public record OperatorAccount(String id, String keySha256, Set<OperatorRole> roles) {

    public OperatorAccount {
        roles = Set.copyOf(roles);
    }
}
