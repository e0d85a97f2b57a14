package nl.dijkwacht.pii.detect;

import java.util.regex.Pattern;
import nl.dijkwacht.pii.detect.ContextEnhancer.Cue;
import nl.dijkwacht.pii.detect.ContextEnhancer.Signal;

/**
 * The word side of {@link ContextEnhancer}: the cue words around a candidate in running text or inside a value,
 * within {@code before} characters before it (else {@code after} after it). The nearest word wins, with what the
 * words right around the candidate say first: a bracket right after it, a register's label right before it, a
 * compound {@code …nummer} nearer than the nearest cue word; a cue word whose value came and went is spent.
 */
final class WordContext {

    private final CueWords wordsBefore;
    private final CueWords wordsAfter;
    private final KeyContext keys;
    private final int before;
    private final int after;

    WordContext(CueWords wordsBefore, CueWords wordsAfter, KeyContext keys, int before, int after) {
        this.wordsBefore = wordsBefore;
        this.wordsAfter = wordsAfter;
        this.keys = keys;
        this.before = before;
        this.after = after;
    }

    Cue cueBefore(String lower, int start, int from) {
        return before == 0 ? Cue.NONE : wordsBefore.nearestBefore(lower, from, start);
    }

    Cue cueAfter(String lower, int end, int to) {
        if (after == 0) {
            return Cue.NONE;
        }
        Cue c = wordsAfter.nearestAfter(lower, end, to);
        return c.signal() != Signal.NONE && labelsAValue(lower, lower.indexOf(c.word(), end) + c.word().length())
                ? Cue.NONE : c;
    }

    /** "(klant 791092884, bsn 999999837)": a cue word after the candidate that labels the next value is not its. */
    private static boolean labelsAValue(String lower, int wordEnd) {
        int i = wordEnd;
        while (i < lower.length() && i - wordEnd < 4 && " :.#".indexOf(lower.charAt(i)) >= 0) {
            i++;
        }
        return i > wordEnd && i < lower.length() && Character.isDigit(lower.charAt(i));
    }

    Cue cue(String lower, int start, int end, int lowest, int highest) {
        int from = Math.max(lowest, start - this.before);
        Cue before = nearestBefore(lower, start, end, from, highest);
        if (before.signal() == Signal.NEGATIVE) { // pii48b: not a negative word of an earlier chat message
            int message = ChatMessageStart.after(lower, from, start);
            if (message > from && lower.lastIndexOf(before.word(), start - 1) < message) {
                before = nearestBefore(lower, start, end, message, highest);
            }
        }
        if (before.signal() != Signal.NONE) {
            return before;
        }
        return cueAfter(lower, end, Math.min(highest, end + after));
    }

    /**
     * The cue before the candidate in [from, start), with what the words right around it say first: a bracket right
     * after it, a register's label right before it ("klant 791092884"), a compound …nummer nearer than the nearest cue
     * word; a cue word whose value came and went before the candidate ("geb 22/08/1996. ingeleverd …") is spent.
     */
    Cue nearestBefore(String lower, int start, int end, int from, int highest) {
        Cue before = cueBefore(lower, start, from);
        Cue bracketed = inBracketsAfter(lower, end, highest);
        if (bracketed.signal() != Signal.NONE && !labelledRightBefore(lower, start, before)) {
            return bracketed;
        }
        Cue label = negativeLabelRightBefore(lower, start, from);
        if (label != null && !labelledRightBefore(lower, start, before) && !qualifiedBy(lower, start, before, label)) {
            return label;
        }
        Cue compound = compoundBefore(lower, start, from, before);
        if (compound != null) {
            return compound;
        }
        Cue subject = subjectBeforePlace(lower, start, from, before);
        if (subject != null) {
            return subject;
        }
        return spent(lower, start, before) ? Cue.NONE : before;
    }

    /** " in het ", " staat op de ", " van de ": a preposition (after a verb) and an article between a cue and a noun. */
    private static final Pattern PLACE_PHRASE = Pattern.compile(
            " +(?:(?:is|was|staat|stond|zit|zat|komt) +)?(?:in|op|uit|van|bij|volgens|onder) +"
                    + "(?:(?:het|de|een|zijn|haar|hun|ons|onze|mijn|uw|dit|dat|deze|die) +)?");
    /** " is ", ": ", " luidt: ", " = ": what stands between a sentence's subject and its value. */
    private static final Pattern COPULA = Pattern.compile(" *(?::|=|(?: (?:is|was|luidt))(?: *:)?) *");

    /**
     * "Het BSN in het dossier is 644732076", "Zijn burgerservicenummer staat in het dossier: 644732076": a negative
     * word in a place phrase after a positive cue ("in het dossier", "op de factuur") names where the number is, not
     * what it is; the cue before it is the sentence's subject and owns the number the copula gives it (pii49: a
     * leftover of session 48, found in the output scan). "dossier 123456782", "in het dossier 123456782" stay a
     * dossier's number. Null when the words do not have that shape.
     */
    private Cue subjectBeforePlace(String lower, int start, int from, Cue nearest) {
        if (nearest.signal() != Signal.NEGATIVE || !nearest.where().equals("before")) {
            return null;
        }
        int at = lower.lastIndexOf(nearest.word(), start - 1);
        if (at <= from || !COPULA.matcher(lower).region(at + nearest.word().length(), start).matches()) {
            return null;
        }
        Cue subject = cueBefore(lower, at, from);
        if (subject.signal() != Signal.POSITIVE) {
            return null;
        }
        int subjectEnd = lower.lastIndexOf(subject.word(), at - 1) + subject.word().length();
        return PLACE_PHRASE.matcher(lower).region(subjectEnd, at).matches() ? subject : null;
    }

    /**
     * "geb 22/08/1996. ingeleverd 30/11/2026": a value (two digits), then on the same line a {@code .} or {@code ;},
     * spaces and a word of three letters stand between the cue and the candidate (a loop: this runs per candidate).
     */
    private static boolean spent(String lower, int start, Cue before) {
        if (before.signal() == Signal.NONE) {
            return false;
        }
        int at = lower.lastIndexOf(before.word(), start - 1);
        if (at < 0) {
            return false;
        }
        boolean value = false;
        for (int i = at + before.word().length(); i < start; i++) {
            char c = lower.charAt(i);
            if (c == '\n') {
                value = false;
            } else if (!value) {
                value = Character.isDigit(c) && i + 1 < start && Character.isDigit(lower.charAt(i + 1));
            } else if ((c == '.' || c == ';') && i + 1 < start && lower.charAt(i + 1) == ' ') {
                int w = i + 1;
                while (w < start && lower.charAt(w) == ' ') {
                    w++;
                }
                int e = w;
                while (e < start && Character.isLetter(lower.charAt(e))) {
                    e++;
                }
                if (e - w >= 3) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "BSN leerling 999900249", "bsn van de klant 123456782": a positive cue a few letters before the label owns it. */
    private static boolean qualifiedBy(String lower, int start, Cue before, Cue label) {
        if (before.signal() != Signal.POSITIVE) {
            return false;
        }
        int labelAt = lower.lastIndexOf(label.word(), start - 1);
        int cueAt = lower.lastIndexOf(before.word(), labelAt - 1);
        return labelAt >= 0 && cueAt >= 0 && labelAt - (cueAt + before.word().length()) <= 12;
    }

    /**
     * "klant 791092884", "behandelaar 34766O265", "debiteur: 468674652": a {@code [negative-keys]} word (a register's
     * key) right before the candidate labels it, as it does as a column header. Null when there is none.
     */
    private Cue negativeLabelRightBefore(String lower, int start, int from) {
        int e = start;
        while (e > from && " :#.".indexOf(lower.charAt(e - 1)) >= 0) {
            e--;
        }
        int s = e;
        while (s > from && (Character.isLetter(lower.charAt(s - 1)) || lower.charAt(s - 1) == '-')) {
            s--;
        }
        if (s == e || e == start) {
            return null;
        }
        if (e - s > keys.longestNegativeKey()) {
            return null;
        }
        String word = lower.substring(s, e);
        if ((word.equals("nr") || word.equals("nummer") || word.equals("no")) && s > from + 1) {
            return negativeLabelRightBefore(lower, s, from); // "klant nr 791092884"
        }
        return keys.isNegativeKey(word) ? new Cue(Signal.NEGATIVE, word, "before") : null;
    }

    /**
     * "503153217 (dat is een relatienummer)", "… (klantnr.)": a cue in brackets opened right after the candidate says
     * what the candidate is, nearer than any word before it — unless the brackets deny it ("(niet de bsn!)").
     */
    private Cue inBracketsAfter(String lower, int end, int highest) {
        if (after == 0) {
            return Cue.NONE;
        }
        int i = end;
        while (i < highest && lower.charAt(i) == ' ') {
            i++;
        }
        if (i >= highest || lower.charAt(i) != '(' || i - end > 1) {
            return Cue.NONE;
        }
        int close = lower.indexOf(')', i);
        int to = Math.min(highest, close < 0 ? i + 40 : Math.min(close, i + 40));
        if (negated(lower, i + 1, to)) {
            return Cue.NONE; // "(niet de bsn!)" says what it is not
        }
        Cue c = wordsAfter.nearestAfter(lower, i + 1, to);
        if (c.signal() != Signal.NONE) {
            return c;
        }
        String compound = compoundIn(lower, i + 1, to);
        return compound == null ? Cue.NONE : new Cue(Signal.NEGATIVE, "…" + compound, "after");
    }

    /** The {@code [negative-key-endings]} entry closing a compound word in [from, to) ("leerlingnummer"), else null. */
    private String compoundIn(String lower, int from, int to) {
        int i = from;
        while (i < to) {
            while (i < to && !Character.isLetter(lower.charAt(i))) {
                i++;
            }
            int e = i;
            while (e < to && (Character.isLetter(lower.charAt(e)) || lower.charAt(e) == '-' || lower.charAt(e) == '.')) {
                e++;
            }
            if (e > i) {
                String ending = compoundEndingOf(lower, i, e);
                if (ending != null) {
                    return ending;
                }
            }
            i = e;
        }
        return null;
    }

    /**
     * The negative key ending the compound word [s, e) closes with, unless the word opens with a positive cue
     * (compared in place: this runs for every word near a candidate).
     */
    private String compoundEndingOf(String lower, int s, int e) {
        for (String ending : keys.negativeKeyEndings()) {
            if (e - s > ending.length() + 2 && lower.startsWith(ending, e - ending.length())
                    && wordsBefore.startsPositive(lower.substring(s, e)) == null) {
                return ending;
            }
        }
        return null;
    }

    private static final Pattern NEGATION =
            Pattern.compile("(?<![\\p{L}])(?:niet|geen|not|no|nicht|kein)(?![\\p{L}])");

    private static boolean negated(String lower, int from, int to) {
        return NEGATION.matcher(lower).region(from, to).find();
    }

    /** "BSN: 123456782 (niet het klantnummer)": a label right before the candidate still decides. */
    private static boolean labelledRightBefore(String lower, int start, Cue before) {
        if (before.signal() == Signal.NONE) {
            return false;
        }
        int i = start;
        while (i > 0 && (lower.charAt(i - 1) == ' ' || lower.charAt(i - 1) == ':' || lower.charAt(i - 1) == '.')) {
            i--;
        }
        return lower.startsWith(before.word(), i - before.word().length());
    }

    /**
     * "leerlingnummer 123456782", "huurdersnr 123456782": a compound word ending in a {@code [negative-key-endings]}
     * entry, nearer than the nearest cue word before the candidate, names some other register's number, as it does
     * in a key. A word that opens with a positive cue ("burgerservicenummer", "bsn-nummer") is that cue. Null when
     * there is none.
     */
    private Cue compoundBefore(String lower, int start, int from, Cue nearest) {
        if (keys.negativeKeyEndings().isEmpty() || before == 0) {
            return null;
        }
        int limit = from;
        if (nearest.signal() != Signal.NONE) {
            int at = lower.lastIndexOf(nearest.word(), start - 1);
            limit = Math.max(from, at < 0 ? from : at + nearest.word().length());
        }
        int wordEnd = start;
        while (wordEnd > limit) {
            while (wordEnd > limit && !Character.isLetter(lower.charAt(wordEnd - 1)) && lower.charAt(wordEnd - 1) != '.') {
                wordEnd--;
            }
            int ws = wordEnd;
            while (ws > limit && (Character.isLetter(lower.charAt(ws - 1)) || lower.charAt(ws - 1) == '.'
                    || lower.charAt(ws - 1) == '-')) {
                ws--;
            }
            if (ws == wordEnd) {
                return null;
            }
            if (ws == limit && limit > from) {
                return null; // the nearest cue word's own letters
            }
            String ending = compoundEndingOf(lower, ws, wordEnd);
            if (ending != null) {
                return new Cue(Signal.NEGATIVE, "…" + ending, "before");
            }
            wordEnd = ws;
        }
        return null;
    }
}
