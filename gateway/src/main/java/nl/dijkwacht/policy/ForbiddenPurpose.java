package nl.dijkwacht.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.dijkwacht.words.LiteralsInText;

/**
 * A purpose AI may not be used for (for example deciding on benefit eligibility), written as data in
 * policies/governance.yaml. A text matches when, for every group in {@link #match()}, at least one of the
 * group's patterns occurs in it (case-insensitive). The explanation is what staff read when refused. Each pattern
 * reads the text within a work budget ({@link MatchBudget}); past it, matching throws {@link MatchBudgetExceeded}.
 *
 * @param appliesToAll when true the rule guards every use-case; otherwise only use-cases that list its id
 * @param required     per pattern of {@link #match()} the literals a match needs ({@link RequiredLiterals}), or null;
 *                     a pattern runs only when the text contains one of them
 */
public record ForbiddenPurpose(String id, String title, String legalBasis, String explanation, boolean appliesToAll,
                               List<List<Pattern>> match, List<List<List<String>>> required) {

    public ForbiddenPurpose(String id, String title, String legalBasis, String explanation, boolean appliesToAll,
                            List<List<Pattern>> match) {
        this(id, title, legalBasis, explanation, appliesToAll, match, requiredLiterals(match));
    }

    public ForbiddenPurpose {
        match = match.stream().map(List::copyOf).toList();
    }

    public boolean matches(String text) {
        return matches(text, null);
    }

    /** The case-folded form {@link #matches(String, String)} takes, for callers that try several rules on one text. */
    public static String fold(String text) {
        return RequiredLiterals.fold(text);
    }

    /**
     * @param folded {@link #fold(String) fold(text)} when the caller tries several rules on one text (folded once),
     *               or null to fold here when a pre-check needs it
     */
    public boolean matches(String text, String folded) {
        if (text == null || text.isEmpty() || match.isEmpty()) {
            return false;
        }
        for (int g = 0; g < match.size(); g++) {
            List<Pattern> group = match.get(g);
            List<List<String>> groupRequired = required.get(g);
            boolean hit = false;
            for (int p = 0; p < group.size() && !hit; p++) {
                List<String> literals = groupRequired.get(p);
                if (literals != null) {
                    if (folded == null) {
                        folded = RequiredLiterals.fold(text);
                    }
                    if (!RequiredLiterals.containsAny(folded, literals)) {
                        continue;
                    }
                }
                hit = group.get(p).matcher(new MatchBudget(text, id)).find();
            }
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #matches(String, String)} with the literals already looked for ({@link ForbiddenPurposes}): a pattern runs
     * only when its set in {@code found} is set.
     *
     * @param found    {@link LiteralsInText#in} of the folded text
     * @param firstSet the set of this rule's first pattern; the others follow group by group, pattern by pattern
     */
    boolean matches(String text, long[] found, int firstSet) {
        if (text == null || text.isEmpty() || match.isEmpty()) {
            return false;
        }
        int set = firstSet;
        for (int g = 0; g < match.size(); g++) {
            List<Pattern> group = match.get(g);
            List<List<String>> groupRequired = required.get(g);
            boolean hit = false;
            for (int p = 0; p < group.size(); p++, set++) {
                if (!hit && (groupRequired.get(p) == null || LiteralsInText.has(found, set))) {
                    hit = group.get(p).matcher(new MatchBudget(text, id)).find();
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

    private static List<List<List<String>>> requiredLiterals(List<List<Pattern>> match) {
        List<List<List<String>>> out = new ArrayList<>();
        for (List<Pattern> group : match) {
            List<List<String>> perPattern = new ArrayList<>();
            for (Pattern p : group) {
                perPattern.add(RequiredLiterals.of(p));
            }
            out.add(java.util.Collections.unmodifiableList(perPattern)); // holds nulls
        }
        return List.copyOf(out);
    }
}
