package nl.dijkwacht.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.anonymize.Operator;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pii.detect.EntityType;

/**
 * Turns one schema-checked {@code policies/use-cases/<id>.yaml} into a {@link UseCasePolicy}, with the rules that
 * concern the use-case alone. References to tools, models and purposes are checked by {@link PolicyReferences}.
 */
final class UseCaseReader {

    static final int DEFAULT_CONTENT_RETENTION_DAYS = 30;

    private UseCaseReader() {
    }

    static UseCasePolicy read(YamlDocument doc, Problems problems) {
        PolicyFiles.UseCaseFile raw = doc.bind(PolicyFiles.UseCaseFile.class);
        PolicyFiles.Allowed allowed = raw.allowed() == null ? new PolicyFiles.Allowed(null, null, null) : raw.allowed();
        int retention = contentRetentionDays(raw.audit());
        if ("high".equals(raw.riskClass()) && !Boolean.TRUE.equals(raw.humanReviewRequired())) {
            problems.add(doc.problem("/risk-class", "een use-case met risicoklasse 'high' moet 'human-review-required: true' hebben"
                    + " (menselijk toezicht, AI-verordening art. 14)"));
        }
        checkDisclaimer(doc, raw.disclaimer(), problems);
        notEmpty(doc, "tools", allowed.tools(), "elke tool die de use-case in tools.yaml noemt", problems);
        notEmpty(doc, "departments", allowed.departments(), "elke afdeling", problems);
        notEmpty(doc, "roles", allowed.roles(), "elke rol", problems);
        return new UseCasePolicy(raw.id(), raw.purpose(), raw.models(), operatorPolicy(raw.pii()), raw.disclaimer(),
                "suspended".equals(raw.status()), RiskClass.fromYaml(raw.riskClass()),
                allowed.tools(), allowed.departments(), allowed.roles(),
                Boolean.TRUE.equals(raw.specialCategoryAllowed()), raw.forbiddenPurposes(),
                Boolean.TRUE.equals(raw.humanReviewRequired()), retention, null,
                raw.pii() != null && "redact".equals(raw.pii().output()),
                new RequestFieldRules(RequestFieldRules.Attachments.fromYaml(raw.attachments()), raw.forwardMetadata()),
                new TaskRoutes(raw.tasks()), PurposeGuardReader.read(doc, raw.purposeGuard(), problems));
    }

    /**
     * An empty {@code allowed} list would read as "nobody" but an absent one means "anyone" (and so did an empty one,
     * until policy27): refused, so that the file says which it means.
     */
    private static void notEmpty(YamlDocument doc, String key, List<String> names, String anyone, Problems problems) {
        if (names != null && names.isEmpty()) {
            problems.add(doc.problem("/allowed/" + key, "een lege lijst is niet toegestaan: noem er minstens één, of laat 'allowed."
                    + key + "' weg om " + anyone + " toe te laten"));
        }
    }

    /** The variables a disclaimer may use ({@code response.Disclaimer} fills them in). */
    static final List<String> DISCLAIMER_VARIABLES = List.of("{model}", "{use_case}", "{trace_id}");

    private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_-]*}");

    /** A misspelt variable ({trace}, {model_id}) would be shown to staff as it is written, under every answer. */
    private static void checkDisclaimer(YamlDocument doc, String disclaimer, Problems problems) {
        if (disclaimer == null) {
            return;
        }
        Matcher m = VARIABLE.matcher(disclaimer);
        while (m.find()) {
            if (!DISCLAIMER_VARIABLES.contains(m.group())) {
                problems.add(doc.problem("/disclaimer", "onbekende variabele " + YamlStructure.abbreviated(m.group())
                        + "; mogelijk zijn " + String.join(", ", DISCLAIMER_VARIABLES)));
            }
        }
    }

    /** Redacted content is kept only when the use-case says so: {@code keep-content: true} keeps it 30 days by default. */
    static int contentRetentionDays(PolicyFiles.AuditSection audit) {
        if (audit == null) {
            return 0;
        }
        if (audit.contentRetentionDays() != null) {
            return audit.contentRetentionDays();
        }
        return Boolean.TRUE.equals(audit.keepContent()) ? DEFAULT_CONTENT_RETENTION_DAYS : 0;
    }

    private static OperatorPolicy operatorPolicy(PolicyFiles.PiiSection pii) {
        if (pii == null) {
            return OperatorPolicy.pseudonymiseAll();
        }
        Operator fallback = pii.defaultAction() == null ? Operator.PSEUDONYMISE : Operator.valueOf(pii.defaultAction().toUpperCase(Locale.ROOT));
        Map<EntityType, Operator> byType = new EnumMap<>(EntityType.class);
        if (pii.entities() != null) {
            pii.entities().forEach((type, action) ->
                    byType.put(EntityType.valueOf(type), Operator.valueOf(action.toUpperCase(Locale.ROOT))));
        }
        return new OperatorPolicy(byType, fallback);
    }
}
