package nl.dijkwacht.identity;

import java.time.LocalDate;
import java.util.Set;

/**
 * A person or system with management access, known by the SHA-256 of its key, as declared in policies/operators.yaml.
 *
 * @param expires the last day the key is valid (inclusive); {@code null} only for keys read from an older file shape
 */
public record OperatorAccount(String id, String keySha256, Set<OperatorRole> roles, LocalDate expires) {

    public OperatorAccount {
        roles = Set.copyOf(roles);
    }

    public OperatorAccount(String id, String keySha256, Set<OperatorRole> roles) {
        this(id, keySha256, roles, null);
    }

    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }
}
