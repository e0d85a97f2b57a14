package nl.dijkwacht.purpose;

import java.util.HashSet;
import java.util.Set;

/**
 * {@link PurposeCues#of} as it was before session 23 (a set of words seen, every stem tried per new word), on the same
 * word lists: the reference that {@code PurposeCuesTest} holds the current walk equal to, and the "before" side of
 * {@code PurposeCuesBenchmark}.
 */
final class PurposeCuesBefore {

    private PurposeCuesBefore() {
    }

    /** {specialWord, decisionTaken} */
    static boolean[] of(String folded) {
        boolean special = false;
        boolean specialPhraseWord = false;
        boolean decisionWord = false;
        Set<String> seen = new HashSet<>();
        int n = folded.length();
        int i = 0;
        while (i < n) {
            if (!isWordChar(folded.charAt(i))) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && isWordChar(folded.charAt(i))) {
                i++;
            }
            String word = folded.substring(s, i);
            if (!seen.add(word)) {
                continue;
            }
            if (!special && (PurposeCues.SPECIAL_EXACT.contains(word) || startsWithStem(word))) {
                special = true;
            }
            specialPhraseWord |= PurposeCues.SPECIAL_PHRASE_WORDS.contains(word);
            decisionWord |= PurposeCues.DECISION_WORDS.contains(word);
        }
        if (!special && specialPhraseWord) {
            special = PurposeCues.SPECIAL_PHRASES.matcher(folded).find();
        }
        boolean decision = decisionWord && PurposeCues.DECISION_TAKEN.matcher(folded).find();
        return new boolean[] {special, decision};
    }

    private static boolean startsWithStem(String word) {
        for (String stem : PurposeCues.SPECIAL_STEMS) {
            if (word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
