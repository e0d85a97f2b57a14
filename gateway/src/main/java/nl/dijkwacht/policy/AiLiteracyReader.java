package nl.dijkwacht.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AI-literacy rule (AI Act art. 4) from three places: the use-cases with {@code ai-literacy: required}, the period
 * and training URL of governance.yaml and the registry file {@code policies/ai-literacy.yaml} of who was trained when.
 */
final class AiLiteracyReader {

    private AiLiteracyReader() {
    }

    /** A use-case cannot require it without a training URL to name in the refusal. */
    static AiLiteracyPolicy read(YamlDocument governanceDoc, YamlDocument registryDoc, Map<String, YamlDocument> useCaseSource,
                                 Problems problems) {
        PolicyFiles.AiLiteracySection section = governanceDoc == null ? null
                : governanceDoc.bind(PolicyFiles.GovernanceFile.class).aiLiteracy();
        Set<String> required = new TreeSet<>();
        useCaseSource.forEach((id, doc) -> {
            if ("required".equals(doc.bind(PolicyFiles.UseCaseFile.class).aiLiteracy())) {
                required.add(id);
                if (section == null || section.trainingUrl() == null) {
                    problems.add(doc.problem("/ai-literacy", "'ai-literacy: required' vraagt in governance.yaml om 'ai-literacy:"
                            + " training-url: …' (waar medewerkers de training volgen; die staat in de weigering)"));
                }
            }
        });
        Map<String, LocalDate> byPseudonym = new LinkedHashMap<>();
        Map<String, LocalDate> bySha256 = new LinkedHashMap<>();
        if (registryDoc != null) {
            readRegistry(registryDoc, byPseudonym, bySha256, problems);
        }
        return new AiLiteracyPolicy(section == null || section.validForMonths() == null ? AiLiteracyPolicy.DEFAULT_VALID_FOR_MONTHS
                : section.validForMonths(), section == null ? null : section.trainingUrl(), required, byPseudonym, bySha256);
    }

    /** The latest training date per staff member, by pseudonym or by SHA-256 of the user id. */
    private static void readRegistry(YamlDocument registryDoc, Map<String, LocalDate> byPseudonym, Map<String, LocalDate> bySha256,
                                     Problems problems) {
        List<PolicyFiles.TrainedEntry> entries = registryDoc.bind(PolicyFiles.AiLiteracyFile.class).trained();
        for (int i = 0; i < entries.size(); i++) {
            PolicyFiles.TrainedEntry e = entries.get(i);
            LocalDate date;
            try {
                date = LocalDate.parse(e.date());
            } catch (DateTimeParseException ex) {
                problems.add(registryDoc.problem("/trained/" + i + "/date", "geen geldige datum (jjjj-mm-dd): " + e.date()));
                continue;
            }
            if (date.isAfter(LocalDate.now().plusDays(1))) {
                problems.add(registryDoc.problem("/trained/" + i + "/date", "datum ligt in de toekomst: " + e.date()));
                continue;
            }
            if (e.pseudonym() != null) {
                byPseudonym.merge(e.pseudonym(), date, (a, b) -> a.isAfter(b) ? a : b);
            } else {
                bySha256.merge(e.userSha256().toLowerCase(Locale.ROOT), date, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
    }
}
