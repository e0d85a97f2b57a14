package nl.dijkwacht.policy;

import java.util.List;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;

/**
 * What staff may use AI for, with which models (in order of preference) and how personal data is treated, plus
 * its governance: AI Act risk class, who may use it, forbidden purposes, whether output needs human review and
 * how long the audit trail may keep redacted content.
 *
 * @param allowedTools       tools that may use it; empty = any tool whose entry in tools.yaml names it
 * @param allowedDepartments departments (header {@code X-Dijkwacht-Department}); empty = any
 * @param allowedRoles       roles (header {@code X-Dijkwacht-Roles}); empty = any
 * @param contentRetentionDays days the audit trail may keep the redacted prompt/answer text; 0 = do not keep it
 * @param suspendedBy        who suspended it through the admin API, {@code null} otherwise
 * @param redactOutputPii    personal data in an answer that was not in the prompt is redacted ({@code pii.output: redact});
 *                           otherwise it is only counted in the audit record
 * @param fieldRules         attachments and forwarded metadata keys (issue 9)
 * @param tasks              task routing: per task, the models to try in order ({@code tasks:})
 * @param purposeGuard       the purpose guard's thresholds and guard model ({@code purpose-guard:}, issue 10)
 */
public record UseCasePolicy(
        String id,
        String purpose,
        List<String> models,
        OperatorPolicy pii,
        String disclaimer,
        boolean suspended,
        RiskClass riskClass,
        List<String> allowedTools,
        List<String> allowedDepartments,
        List<String> allowedRoles,
        boolean specialCategoryAllowed,
        List<String> forbiddenPurposes,
        boolean humanReviewRequired,
        int contentRetentionDays,
        String suspendedBy,
        boolean redactOutputPii,
        RequestFieldRules fieldRules,
        TaskRoutes tasks,
        PurposeGuardPolicy purposeGuard) {

    public UseCasePolicy {
        models = List.copyOf(models);
        riskClass = riskClass == null ? RiskClass.MINIMAL : riskClass;
        allowedTools = allowedTools == null ? List.of() : List.copyOf(allowedTools);
        allowedDepartments = allowedDepartments == null ? List.of() : List.copyOf(allowedDepartments);
        allowedRoles = allowedRoles == null ? List.of() : List.copyOf(allowedRoles);
        forbiddenPurposes = forbiddenPurposes == null ? List.of() : List.copyOf(forbiddenPurposes);
        fieldRules = fieldRules == null ? RequestFieldRules.defaults() : fieldRules;
        tasks = tasks == null ? TaskRoutes.NONE : tasks;
        purposeGuard = purposeGuard == null ? PurposeGuardPolicy.DEFAULTS : purposeGuard;
    }

    /** With the default purpose-guard settings. */
    public UseCasePolicy(String id, String purpose, List<String> models, OperatorPolicy pii, String disclaimer,
                         boolean suspended, RiskClass riskClass, List<String> allowedTools, List<String> allowedDepartments,
                         List<String> allowedRoles, boolean specialCategoryAllowed, List<String> forbiddenPurposes,
                         boolean humanReviewRequired, int contentRetentionDays, String suspendedBy, boolean redactOutputPii,
                         RequestFieldRules fieldRules, TaskRoutes tasks) {
        this(id, purpose, models, pii, disclaimer, suspended, riskClass, allowedTools, allowedDepartments, allowedRoles,
                specialCategoryAllowed, forbiddenPurposes, humanReviewRequired, contentRetentionDays, suspendedBy,
                redactOutputPii, fieldRules, tasks, null);
    }

    /** The original shape (tests and code that need no governance fields): active, minimal risk, nothing kept. */
    public UseCasePolicy(String id, String purpose, List<String> models, OperatorPolicy pii, String disclaimer) {
        this(id, purpose, models, pii, disclaimer, false, RiskClass.MINIMAL, List.of(), List.of(), List.of(), false,
                List.of(), false, 0, null, false, RequestFieldRules.defaults(), TaskRoutes.NONE);
    }

    /** Without task routing. */
    public UseCasePolicy(String id, String purpose, List<String> models, OperatorPolicy pii, String disclaimer,
                         boolean suspended, RiskClass riskClass, List<String> allowedTools, List<String> allowedDepartments,
                         List<String> allowedRoles, boolean specialCategoryAllowed, List<String> forbiddenPurposes,
                         boolean humanReviewRequired, int contentRetentionDays, String suspendedBy, boolean redactOutputPii,
                         RequestFieldRules fieldRules) {
        this(id, purpose, models, pii, disclaimer, suspended, riskClass, allowedTools, allowedDepartments, allowedRoles,
                specialCategoryAllowed, forbiddenPurposes, humanReviewRequired, contentRetentionDays, suspendedBy,
                redactOutputPii, fieldRules, TaskRoutes.NONE);
    }

    public boolean allowsModel(String modelId) {
        return models.contains(modelId);
    }

    public UseCasePolicy suspendedBy(String who) {
        return new UseCasePolicy(id, purpose, models, pii, disclaimer, true, riskClass, allowedTools, allowedDepartments,
                allowedRoles, specialCategoryAllowed, forbiddenPurposes, humanReviewRequired, contentRetentionDays, who, redactOutputPii,
                fieldRules, tasks, purposeGuard);
    }
}
