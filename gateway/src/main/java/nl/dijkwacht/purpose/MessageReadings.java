package nl.dijkwacht.purpose;

import java.util.List;
import nl.dijkwacht.pii.SaltedTextTable;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;

/**
 * What the purpose guard reads from each message on its own, kept for the messages a chat tool sends again — the
 * system prompt and the earlier turns of a conversation (a tool resends the whole conversation on every turn, so turn n
 * would read every earlier message once more): whether the special-category term list matches, which forbidden-purpose
 * rules match and which forbidden purposes' domains ({@link PurposeDomain}) the text is in (issue 15).
 *
 * <p>The guard judges the messages joined by line breaks, and each of these holds for the joined text exactly when it
 * holds for one of its messages: a listed term's words are separated by spaces or hyphens only, a domain stem holds no
 * line break, and a rule is matched against each message apart. The judgement is therefore the same; only the reading
 * of the earlier messages is saved. The classifier's tokens and the factors read the joined text as before (a name or a
 * cue can run over the line break there).
 *
 * <p>The answers are kept in a {@link SaltedTextTable}, as {@code pii.RepeatedTexts} keeps findings: no text, only the
 * answers. The last message is read directly (it is new: it would pay the key and push repeats out).
 * {@code -Ddijkwacht.purpose.repeated-message-cache=0} turns the table off.
 */
final class MessageReadings {

    /** Slots (a power of two); 0: every message read on every request. */
    static final int DEFAULT_SIZE = Integer.getInteger("dijkwacht.purpose.repeated-message-cache", 2_048);

    /** More rules than bits: read as before, without the table. */
    private static final int MAX_RULES = Long.SIZE;

    /** The joined text's answers. */
    record Joined(boolean specialTerm, int domains, ForbiddenPurpose ruleHit) {
    }

    /** One message's answers; {@code ruleHits} bit i: {@code rules.get(i)} matches. */
    private record Reading(boolean specialTerm, int domains, List<ForbiddenPurpose> rules, long ruleHits) {
    }

    private final SpecialCategoryRecognizer terms;
    private final SaltedTextTable<Reading> table;

    MessageReadings(SpecialCategoryRecognizer terms, int size) {
        this.terms = terms;
        this.table = new SaltedTextTable<>(size);
    }

    /** The answers for {@code texts} joined by line breaks, as {@link LayeredPurposeGuard#judge} joins them. */
    Joined read(List<String> texts, List<ForbiddenPurpose> rules) {
        if (rules.size() > MAX_RULES || anyNull(texts)) {
            String joined = String.join("\n", texts);
            return new Joined(!terms.find(joined).isEmpty(), PurposeDomain.in(PurposeTokens.fold(joined)),
                    LayeredPurposeGuard.ruleHit(texts, rules));
        }
        boolean term = false;
        int domains = 0;
        long hits = 0;
        int last = texts.size() - 1;
        for (int i = 0; i <= last; i++) {
            Reading r = i < last ? repeated(texts.get(i), rules) : reading(texts.get(i), rules);
            term |= r.specialTerm();
            domains |= r.domains();
            hits |= r.ruleHits();
        }
        // the first rule, in the policy's order, that any message matches (as LayeredPurposeGuard.ruleHit)
        return new Joined(term, domains, hits == 0 ? null : rules.get(Long.numberOfTrailingZeros(hits)));
    }

    private static boolean anyNull(List<String> texts) {
        for (String t : texts) {
            if (t == null) {
                return true;
            }
        }
        return false;
    }

    private Reading repeated(String text, List<ForbiddenPurpose> rules) {
        return table.get(text, t -> reading(t, rules), kept -> sameRules(kept.rules(), rules));
    }

    private Reading reading(String text, List<ForbiddenPurpose> rules) {
        long hits = 0;
        String folded = null;
        for (int i = 0; i < rules.size(); i++) {
            if (folded == null) {
                folded = ForbiddenPurpose.fold(text);
            }
            if (rules.get(i).matches(text, folded)) {
                hits |= 1L << i;
            }
        }
        return new Reading(!terms.find(text).isEmpty(), PurposeDomain.in(PurposeTokens.fold(text)), List.copyOf(rules), hits);
    }

    /** The rules of a use-case, as the policy holds them now: a reloaded policy or another use-case reads anew. */
    private static boolean sameRules(List<ForbiddenPurpose> a, List<ForbiddenPurpose> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
