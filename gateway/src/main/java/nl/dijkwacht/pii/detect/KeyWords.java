package nl.dijkwacht.pii.detect;

import java.util.List;

/**
 * A list of cue words for field keys, compiled once, that finds the first word of the list occurring in a key at the
 * start of a word of it. A word of three letters or fewer ("geb", "tel", "id") counts only as a whole word, so that
 * "gebeurtenissen", "telling" or "idee" do not carry it; so does an entry ending in {@code $} ("taal$": a "taal"
 * column, not "taalcafé"). The key is read once at its word starts, with the words indexed by first character,
 * instead of once per word: a 10 KB table asks this for every cell.
 */
final class KeyWords {

    private final List<String> entries;
    private final String[] words;
    private final boolean[] whole;
    private final WordsByFirstChar byFirst;

    KeyWords(List<String> entries) {
        this.entries = List.copyOf(entries);
        this.words = new String[entries.size()];
        this.whole = new boolean[entries.size()];
        for (int i = 0; i < words.length; i++) {
            String word = entries.get(i);
            boolean marked = word.endsWith("$");
            if (marked) {
                word = word.substring(0, word.length() - 1);
            }
            words[i] = word;
            if (word.isEmpty()) {
                continue; // never matches
            }
            whole[i] = marked || word.length() <= 3 && Character.isLetter(word.charAt(word.length() - 1));
        }
        this.byFirst = new WordsByFirstChar(words);
    }

    /** The first entry of the list (as written, with a {@code $} marker) that occurs in {@code key}, else null. */
    String firstIn(String key) {
        boolean abbreviated = key.indexOf('.') >= 0; // only then can a word of the key stand for a longer entry
        int best = Integer.MAX_VALUE;
        for (int at = 0; at < key.length(); at++) {
            if (at > 0 && key.charAt(at - 1) != ' ') {
                continue;
            }
            char c = key.charAt(at);
            int[] candidates = byFirst.startingWith(c);
            if (candidates == null) {
                continue;
            }
            for (int i : candidates) { // ascending: the first that fits is the earliest entry at this position
                if (i >= best) {
                    break;
                }
                if (occursAt(key, i, at, abbreviated)) {
                    best = i;
                    break;
                }
            }
        }
        return best == Integer.MAX_VALUE ? null : entries.get(best);
    }

    /**
     * "voorl." for "voorletters", "achtern." for "achternaam": a word of the key of four letters or more closed by a
     * full stop (and nothing glued after it: "pers.nr" is a staff number, not "persoonsnummer") stands for an entry of
     * one word that it begins (headers abbreviated to fit a column).
     */
    private static boolean abbreviates(String key, int at, String word) {
        int end = at;
        while (end < key.length() && Character.isLetter(key.charAt(end))) {
            end++;
        }
        int length = end - at;
        return length >= 4 && end < key.length() && key.charAt(end) == '.'
                && (end + 1 == key.length() || key.charAt(end + 1) == ' ') && word.length() > length
                && word.indexOf(' ') < 0 && word.regionMatches(0, key, at, length);
    }

    boolean anyIn(String key) {
        return firstIn(key) != null;
    }

    private boolean occursAt(String key, int i, int at, boolean abbreviated) {
        String word = words[i];
        if (!key.startsWith(word, at)) {
            return abbreviated && abbreviates(key, at, word);
        }
        int end = at + word.length();
        return !whole[i] || end == key.length() || !Character.isLetter(key.charAt(end));
    }
}
