package nl.dijkwacht.purpose;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.SaltedTextTable;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.ForbiddenPurposes;
import nl.dijkwacht.words.LiteralsInText;

/**
 * What the purpose guard reads from each message on its own, kept for the messages a chat tool sends again — the
 * system prompt and the earlier turns of a conversation (a tool resends the whole conversation on every turn, so turn n
 * would read every earlier message once more): whether the special-category term list matches, which forbidden-purpose
 * rules match, which forbidden purposes' domains ({@link PurposeDomain}) the text is in, and the classifier's input as
 * numbers ({@link MessageTokens}) (issue 15).
 *
 * <p>The guard judges the messages joined by line breaks, and each of these holds for the joined text exactly when it
 * holds for one of its messages: a listed term's words are separated by spaces or hyphens only, a domain stem holds no
 * line break, and a rule is matched against each message apart; the classifier's tokens are put together from the
 * messages' parts, with what runs over the line break carried from one to the next ({@link MessageTokens}). The
 * judgement is therefore the same; only the reading of the earlier messages is saved. The factors read the joined
 * text as before.
 *
 * <p>The answers are kept in a {@link SaltedTextTable}, as {@code pii.RepeatedTexts} keeps findings: no text, only the
 * answers and numbers (a message's tokens only for messages of at most {@link #KEEP_TOKENS_UP_TO} characters, so a slot
 * holds a few kilobytes at most). The last message is read directly (it is new: it would pay the key and push repeats
 * out). {@code dijkwacht.purpose.repeated-message-cache: 0} turns the table off.
 */
final class MessageReadings {

    /** Longer messages keep their answers but not their tokens (about two numbers per four characters otherwise). */
    static final int KEEP_TOKENS_UP_TO = 4_096;

    /** More rules than bits: read as before, without the table. */
    private static final int MAX_RULES = Long.SIZE;

    /**
     * The joined text's answers; {@code tokens}: the classifier's input as numbers, null when the classifier is not
     * evaluated by numbers (the guard then reads the joined text's tokens); {@code folded}: the joined text folded
     * ({@link PurposeTokens#fold}), put together from the messages' folds — a line break folds to itself, and neither
     * lower-casing nor taking the accents off reaches over one. For this request only: never kept.
     */
    record Joined(boolean specialTerm, int domains, ForbiddenPurpose ruleHit, MessageTokens.Joined tokens, String folded, Parts parts) {
    }

    /**
     * guard50: each message's own readings, for judging a message on its own where another message of the conversation
     * holds a cue that lowers a verdict ({@link ClearingCues}); null where the messages were read joined (more rules than
     * bits, a missing text). For this request only: never kept.
     */
    final class Parts {

        private final List<String> texts;
        private final List<ForbiddenPurpose> rules;
        private final String[] folds;
        private final Reading[] readings;
        /** Null when the classifier is not evaluated by numbers. */
        private final MessageTokens[] tokens;

        private Parts(List<String> texts, List<ForbiddenPurpose> rules, String[] folds, Reading[] readings, MessageTokens[] tokens) {
            this.texts = texts;
            this.rules = rules;
            this.folds = folds;
            this.readings = readings;
            this.tokens = tokens;
        }

        /** Whether message {@code i} holds a word of a clearing cue (read by the classifier's scan; over-detects). */
        boolean clearingCue(int i) {
            return tokens != null ? tokens[i].clearingCue() : PurposeCues.of(folds[i]).clearingWord;
        }

        /** Message {@code i}'s answers as {@link #read} gives them for it alone, from what was read for the conversation. */
        Joined alone(int i) {
            Reading r = readings[i];
            MessageTokens.Joined joined = null;
            if (tokens != null) {
                MessageTokens t = tokens[i];
                if (t.carry() != PurposeTokens.NO_WORD_BEFORE) {
                    // read after the message before it: alone, it is read after no word
                    String text = texts.get(i);
                    t = MessageTokens.read(text, folds[i], PurposeTokens.isAscii(text), PurposeTokens.NO_WORD_BEFORE, model);
                }
                joined = MessageTokens.join(new MessageTokens[] {t}, r.specialTerm(), model);
            }
            long hits = r.ruleHits();
            return new Joined(r.specialTerm(), r.domains(), hits == 0 ? null : rules.get(Long.numberOfTrailingZeros(hits)), joined,
                    folds[i], null);
        }
    }

    /** One message's answers; {@code ruleHits} bit i: {@code rules.get(i)} matches; {@code tokens} may be null (not kept). */
    private record Reading(boolean specialTerm, int domains, List<ForbiddenPurpose> rules, long ruleHits, MessageTokens tokens) {
    }

    /** The one-pass automaton for the policy last seen (a reload replaces it; holds policy literals only, no text). */
    private record StemsAndRules(ForbiddenPurposes.LiteralSets policy, LiteralsInText automaton) {
    }

    private volatile StemsAndRules stemsAndRules;
    private final SpecialCategoryRecognizer terms;
    private final SaltedTextTable<Reading> table;
    /** The classifier's numbers; null: the classifier reads strings, and so does the guard. */
    private final IndexedCategorizer model;

    MessageReadings(SpecialCategoryRecognizer terms, int size, IndexedCategorizer model) {
        this.terms = terms;
        this.table = new SaltedTextTable<>(size);
        this.model = model;
    }

    /** The answers for {@code texts} joined by line breaks, as {@link LayeredPurposeGuard#judge} joins them. */
    Joined read(List<String> texts, List<ForbiddenPurpose> rules) {
        if (rules.size() > MAX_RULES || anyNull(texts)) {
            String joined = String.join("\n", texts);
            String folded = PurposeTokens.fold(joined);
            return new Joined(terms.occursIn(joined), PurposeDomain.in(folded), LayeredPurposeGuard.ruleHit(texts, rules), null, folded, null);
        }
        boolean term = false;
        int domains = 0;
        long hits = 0;
        int last = texts.size() - 1;
        MessageTokens[] tokens = model == null ? null : new MessageTokens[texts.size()];
        String[] folds = new String[texts.size()];
        Reading[] readings = new Reading[texts.size()];
        int carry = PurposeTokens.NO_WORD_BEFORE;
        for (int i = 0; i <= last; i++) {
            String text = texts.get(i);
            // whether the message is ASCII, asked once here for the fold, the rules and the scan
            boolean ascii = PurposeTokens.isAscii(text);
            String folded = PurposeTokens.fold(text, ascii);
            folds[i] = folded;
            Reading r = i < last ? repeated(text, folded, ascii, rules, carry) : reading(text, folded, ascii, rules, carry, false);
            readings[i] = r;
            term |= r.specialTerm();
            domains |= r.domains();
            hits |= r.ruleHits();
            if (tokens != null) {
                // a part read after another carry (or not kept) is read again
                MessageTokens t = r.tokens();
                tokens[i] = t != null && t.carry() == carry ? t : MessageTokens.read(text, folded, ascii, carry, model);
                carry = tokens[i].carryAfter();
            }
        }
        // the first rule, in the policy's order, that any message matches (as LayeredPurposeGuard.ruleHit)
        return new Joined(term, domains, hits == 0 ? null : rules.get(Long.numberOfTrailingZeros(hits)),
                tokens == null ? null : MessageTokens.join(tokens, term, model), String.join("\n", folds),
                new Parts(texts, rules, folds, readings, tokens));
    }

    private static boolean anyNull(List<String> texts) {
        for (String t : texts) {
            if (t == null) {
                return true;
            }
        }
        return false;
    }

    private Reading repeated(String text, String folded, boolean ascii, List<ForbiddenPurpose> rules, int carry) {
        return table.get(text, t -> reading(t, folded, ascii, rules, carry, true), kept -> sameRules(kept.rules(), rules));
    }

    /**
     * @param foldedText {@code PurposeTokens.fold(text)}
     * @param ascii      {@code PurposeTokens.isAscii(text)}
     * @param kept       whether the reading goes into the table (then a long message's tokens are left out)
     */
    private Reading reading(String text, String foldedText, boolean ascii, List<ForbiddenPurpose> rules, int carry, boolean kept) {
        long hits = 0;
        int domains;
        // ASCII text folds alike for the rules (RequiredLiterals: per char) and for the guard (lower case, no accents)
        if (ascii && !rules.isEmpty() && rules instanceof ForbiddenPurposes policyRules) {
            // the domain stems and the policy's rules' literals in one pass
            long[] found = stemsAndRuleLiterals(policyRules.literalSets()).in(foldedText);
            domains = PurposeDomain.of(found);
            hits = policyRules.matching(text, found, PurposeDomain.STEM_SETS.size());
        } else {
            domains = PurposeDomain.in(foldedText);
            String folded = rules.isEmpty() ? null : ascii ? foldedText : ForbiddenPurpose.fold(text);
            if (rules instanceof ForbiddenPurposes policyRules) {
                hits = policyRules.matching(text, folded);
            } else {
                for (int i = 0; i < rules.size(); i++) {
                    if (rules.get(i).matches(text, folded)) {
                        hits |= 1L << i;
                    }
                }
            }
        }
        MessageTokens tokens = model == null || kept && text.length() > KEEP_TOKENS_UP_TO ? null
                : MessageTokens.read(text, foldedText, ascii, carry, model);
        return new Reading(terms.occursIn(text), domains, List.copyOf(rules), hits, tokens);
    }

    /** The domain stems followed by the policy's literal sets: built once per policy (a reload gives new literal sets). */
    private LiteralsInText stemsAndRuleLiterals(ForbiddenPurposes.LiteralSets policy) {
        StemsAndRules built = stemsAndRules;
        if (built == null || built.policy() != policy) {
            List<List<String>> sets = new ArrayList<>(PurposeDomain.STEM_SETS);
            sets.addAll(policy.sets());
            built = new StemsAndRules(policy, LiteralsInText.of(sets));
            stemsAndRules = built;
        }
        return built.automaton();
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
