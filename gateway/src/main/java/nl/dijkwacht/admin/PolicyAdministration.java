package nl.dijkwacht.admin;

import java.time.Clock;
import java.time.Instant;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.PolicyLoadException;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.Suspension;
import nl.dijkwacht.policy.SuspensionStore;
import nl.dijkwacht.policy.UseCasePolicy;
import nl.dijkwacht.tenancy.Tenant;
import nl.dijkwacht.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator's actions on the policy in force: reload it, and the kill switch for models and use-cases.
 * The admin API and the console both act through this class, so an action is the same (and leaves the same
 * traces) whichever way an administrator takes it. Every action is on one tenant's policy: the operator's own.
 */
public final class PolicyAdministration {

    private static final Logger log = LoggerFactory.getLogger(PolicyAdministration.class);

    private final Tenants tenants;
    private final Clock clock;

    public PolicyAdministration(Tenants tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    public record ReloadResult(String policyVersion, String previousVersion, boolean changed) {
    }

    /** {@code status} is {@code suspended} or {@code active}; {@code note} explains a resume that changed nothing. */
    public record SwitchResult(Suspension.Kind kind, String id, String status, String policyVersion, String note) {
    }

    /** No model or use-case with this id in the policy in force. */
    public static final class UnknownTargetException extends RuntimeException {
        private final Suspension.Kind kind;
        private final String id;

        UnknownTargetException(Suspension.Kind kind, String id) {
            super(kind.storedName() + " " + id + " unknown", null, false, false);
            this.kind = kind;
            this.id = id;
        }

        public Suspension.Kind kind() {
            return kind;
        }

        public String id() {
            return id;
        }
    }

    /** The policy in force of this tenant ({@code null}: the default tenant). */
    public ActivePolicy policy(String tenant) {
        return tenants.policy(tenant);
    }

    /**
     * Loads the files again; a broken edit leaves the policy in force untouched.
     *
     * @throws PolicyLoadException with every problem (file, line, field) when the new files are invalid
     */
    public ReloadResult reload(String tenant, String operatorId) {
        ActivePolicy policy = tenants.policy(tenant);
        String before = policy.current().version();
        PolicySet next = policy.reload();
        log.info("operator {} reloaded the policy of tenant {}: {} -> {}", operatorId, tenants.get(tenant).id(), before, next.version());
        return new ReloadResult(next.version(), before, !before.equals(next.version()));
    }

    /** Stops a model or use-case at once, on every replica within one policy poll; {@code reason} may be null. */
    public SwitchResult suspend(String tenant, Suspension.Kind kind, String id, String operatorId, String reason) {
        Tenant t = tenants.get(tenant);
        ActivePolicy policy = t.policy();
        SuspensionStore store = t.suspensions();
        requireKnown(policy, kind, id);
        // the admin API and the console refuse a longer reason; clipped here only as the column's last guard
        String stripped = reason == null || reason.isBlank() ? null : reason.strip();
        String clipped = stripped == null || stripped.length() <= Suspension.MAX_REASON ? stripped
                : stripped.substring(0, Suspension.MAX_REASON);
        store.put(new Suspension(kind, id, operatorId, Instant.now(clock), clipped));
        PolicySet next = policy.refreshSuspensions(store);
        log.info("operator {} suspended {} {}; policy {} in force", operatorId, kind.storedName(), id, next.version());
        return new SwitchResult(kind, id, "suspended", next.version(), null);
    }

    /** Lifts an API suspension; a status written in the YAML file stays (the note says so). */
    public SwitchResult resume(String tenant, Suspension.Kind kind, String id, String operatorId) {
        Tenant t = tenants.get(tenant);
        ActivePolicy policy = t.policy();
        SuspensionStore store = t.suspensions();
        requireKnown(policy, kind, id);
        boolean removed = store.remove(kind, id);
        PolicySet next = policy.refreshSuspensions(store);
        log.info("operator {} resumed {} {}; policy {} in force", operatorId, kind.storedName(), id, next.version());
        boolean stillSuspended = kind == Suspension.Kind.MODEL
                ? next.catalog().find(id).map(m -> !m.governance().status().usable()).orElse(false)
                : next.useCase(id).map(UseCasePolicy::suspended).orElse(false);
        String note = null;
        if (stillSuspended) {
            note = "Er is geen opschorting via de API (meer), maar het YAML-bestand zet de status nog op opgeschort/uit gebruik. Pas het bestand aan om te hervatten.";
        } else if (!removed) {
            note = "Er was geen opschorting via de API.";
        }
        return new SwitchResult(kind, id, stillSuspended ? "suspended" : "active", next.version(), note);
    }

    private static void requireKnown(ActivePolicy policy, Suspension.Kind kind, String id) {
        PolicySet set = policy.current();
        boolean known = kind == Suspension.Kind.MODEL ? set.catalog().find(id).isPresent() : set.useCase(id).isPresent();
        if (!known) {
            throw new UnknownTargetException(kind, id);
        }
    }
}
