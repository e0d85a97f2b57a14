package nl.dijkwacht.policy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A purpose AI may not be used for (for example deciding on benefit eligibility), written as data in
 * policies/governance.yaml. A text matches when, for every group in {@link #match()}, at least one of the
 * group's patterns occurs in it (case-insensitive). The explanation is what staff read when refused.
 *
 * @param appliesToAll when true the rule guards every use-case; otherwise only use-cases that list its id
 */
public record ForbiddenPurpose(String id, String title, String legalBasis, String explanation, boolean appliesToAll,
                               List<List<Pattern>> match) {

    public ForbiddenPurpose {
        match = match.stream().map(List::copyOf).toList();
    }

    public boolean matches(String text) {
        if (text == null || text.isEmpty() || match.isEmpty()) {
            return false;
        }
        for (List<Pattern> group : match) {
            boolean hit = false;
            for (Pattern p : group) {
                if (p.matcher(text).find()) {
                    hit = true;
                    break;
                }
            }
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    public boolean guards(UseCasePolicy useCase) {
        return appliesToAll || useCase.forbiddenPurposes().contains(id);
    }
}
