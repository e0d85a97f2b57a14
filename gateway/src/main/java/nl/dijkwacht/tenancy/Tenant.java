package nl.dijkwacht.tenancy;

import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.SuspensionStore;

/**
 * One organisation (municipality) served by this gateway: its own policy directory and model catalogue (loaded and
 * held by its {@link ActivePolicy}), its own kill-switch suspensions, and — elsewhere, keyed by {@link #id()} — its
 * own audit chain, transparency page, operators and limits.
 *
 * @param id          the tenant id: lower-case letters, digits and hyphens (it appears in URLs and chain ids)
 * @param policy      the tenant's policy in force
 * @param suspensions the tenant's kill-switch suspensions
 * @param isDefault   the default tenant: the single-tenant setup's only one, at today's addresses
 */
public record Tenant(String id, ActivePolicy policy, SuspensionStore suspensions, boolean isDefault) {
}
