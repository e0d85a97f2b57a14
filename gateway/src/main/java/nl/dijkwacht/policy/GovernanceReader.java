package nl.dijkwacht.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a schema-checked {@code policies/governance.yaml} into {@link GovernanceSettings}: what an overdue evaluation
 * does and the forbidden purposes with their compiled patterns. Its AI-literacy section is {@link AiLiteracyReader}'s.
 */
final class GovernanceReader {

    private GovernanceReader() {
    }

    static GovernanceSettings read(YamlDocument doc, Problems problems) {
        PolicyFiles.GovernanceFile raw = doc.bind(PolicyFiles.GovernanceFile.class);
        GovernanceSettings.OverdueAction overdue = raw.evaluationOverdue() == null ? GovernanceSettings.OverdueAction.REFUSE
                : GovernanceSettings.OverdueAction.valueOf(raw.evaluationOverdue().toUpperCase(Locale.ROOT));
        List<ForbiddenPurpose> purposes = new ArrayList<>();
        List<PolicyFiles.PurposeEntry> entries = raw.forbiddenPurposes() == null ? List.of() : raw.forbiddenPurposes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            PolicyFiles.PurposeEntry e = entries.get(i);
            if (!seen.add(e.id())) {
                problems.add(doc.problem("/forbidden-purposes/" + i + "/id", "doel '" + e.id() + "' staat twee keer in het bestand"));
            }
            purposes.add(new ForbiddenPurpose(e.id(), e.title(), e.legalBasis(), e.explanation(),
                    Boolean.TRUE.equals(e.appliesToAll()), patternGroups(doc, i, e, problems)));
        }
        return new GovernanceSettings(overdue, purposes);
    }

    /** Each {@code match} group as its compiled {@code any} patterns; an invalid pattern is reported and left out. */
    private static List<List<Pattern>> patternGroups(YamlDocument doc, int i, PolicyFiles.PurposeEntry e, Problems problems) {
        List<List<Pattern>> groups = new ArrayList<>();
        for (int g = 0; g < e.match().size(); g++) {
            List<Pattern> group = new ArrayList<>();
            List<String> any = e.match().get(g).any();
            for (int p = 0; p < any.size(); p++) {
                try {
                    group.add(Pattern.compile(any.get(p), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
                } catch (PatternSyntaxException ex) {
                    problems.add(doc.problem("/forbidden-purposes/" + i + "/match/" + g + "/any/" + p,
                            "geen geldige reguliere expressie" + (ex.getIndex() >= 0 ? " (fout bij teken " + (ex.getIndex() + 1) + ")" : "")
                                    + "; let op haakjes, [ ] en tekens als + * ? die als gewoon teken een \\ ervoor nodig hebben"));
                }
            }
            groups.add(group);
        }
        return groups;
    }
}
