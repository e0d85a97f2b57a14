package nl.dijkwacht.policy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AI literacy (AI Act art. 4): which use-cases need a trained user ({@code ai-literacy: required} in the use-case
 * file), how long a training counts and where to get one ({@code ai-literacy:} in governance.yaml), and the
 * registry of trainings for staff whose identity provider carries no training-date claim ({@code policies/ai-literacy.yaml}).
 *
 * <p>The registry never holds a staff member's id or e-mail address: an entry is keyed by the keyed pseudonym of the
 * user id (the {@code p-…} the audit trail shows; computed with the gateway secret, {@code POST /admin/pseudonyms})
 * or, for HR systems that cannot compute that, by the SHA-256 of the user id.
 *
 * @param validForMonths how many months a training counts (default 12)
 * @param trainingUrl    where staff get trained; named in the refusal
 * @param requiredBy     ids of the use-cases that require it
 * @param byPseudonym    training date per keyed pseudonym
 * @param bySha256       training date per SHA-256 (hex, lower case) of the user id
 */
public record AiLiteracyPolicy(int validForMonths, String trainingUrl, Set<String> requiredBy,
                               Map<String, LocalDate> byPseudonym, Map<String, LocalDate> bySha256) {

    public static final int DEFAULT_VALID_FOR_MONTHS = 12;
    public static final AiLiteracyPolicy NONE = new AiLiteracyPolicy(DEFAULT_VALID_FOR_MONTHS, null, Set.of(), Map.of(), Map.of());

    public AiLiteracyPolicy {
        validForMonths = validForMonths <= 0 ? DEFAULT_VALID_FOR_MONTHS : validForMonths;
        requiredBy = requiredBy == null ? Set.of() : Set.copyOf(requiredBy);
        byPseudonym = byPseudonym == null ? Map.of() : Map.copyOf(byPseudonym);
        bySha256 = bySha256 == null ? Map.of() : Map.copyOf(bySha256);
    }

    public boolean requiredFor(String useCaseId) {
        return useCaseId != null && requiredBy.contains(useCaseId);
    }

    /** The latest training in the registry for this pseudonym or user-id hash. */
    public Optional<LocalDate> registered(String pseudonym, String userSha256) {
        LocalDate a = pseudonym == null ? null : byPseudonym.get(pseudonym);
        LocalDate b = userSha256 == null ? null : bySha256.get(userSha256);
        if (a == null) {
            return Optional.ofNullable(b);
        }
        return Optional.of(b == null || a.isAfter(b) ? a : b);
    }

    /** A training on {@code trained} still counts on {@code today}. */
    public boolean current(LocalDate trained, LocalDate today) {
        return trained != null && !trained.isAfter(today) && !trained.plusMonths(validForMonths).isBefore(today);
    }
}
