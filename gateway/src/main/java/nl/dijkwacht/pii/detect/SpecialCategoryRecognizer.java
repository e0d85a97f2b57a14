package nl.dijkwacht.pii.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.dijkwacht.words.Letters;

/**
 * Terms that reveal special categories of personal data (GDPR art. 9: health, care under the Wmo and the
 * Jeugdwet, religion, ethnicity, politics, sex life, biometrics) and criminal data (art. 10), so a policy
 * can block the request or route it to an on-premise model. The term list is {@code pii/special-categories.txt}:
 * literal phrases, matched on whole words in one pass over the text (a hash lookup per word, longest phrase first).
 */
public final class SpecialCategoryRecognizer implements Recognizer {

    static final String RESOURCE = "/pii/special-categories.txt";

    private final int phraseCount;
    /** First word → phrases (as word arrays) starting with it, longest first. */
    private final Map<String, List<String[]>> byFirstWord;
    /** Bit {@code hash & FILTER_MASK} set for the hash of every first word: most words are ruled out without a lookup. */
    private final long[] firstWordFilter = new long[(FILTER_MASK + 1) / 64];
    private static final int FILTER_MASK = (1 << 16) - 1;

    public SpecialCategoryRecognizer() {
        this(load());
    }

    SpecialCategoryRecognizer(List<String> phrases) {
        if (phrases.isEmpty()) {
            throw new PiiEngineException("special-category term list is empty");
        }
        Map<String, List<String[]>> map = new HashMap<>();
        for (String phrase : phrases) {
            String[] words = phrase.toLowerCase(Locale.ROOT).split("[\\s-]+");
            map.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
        }
        map.values().forEach(l -> l.sort((a, b) -> b.length - a.length));
        this.byFirstWord = Map.copyOf(map);
        for (String first : byFirstWord.keySet()) {
            int bit = first.hashCode() & FILTER_MASK;
            firstWordFilter[bit >>> 6] |= 1L << bit;
        }
        this.phraseCount = phrases.size();
    }

    static List<String> load() {
        try (InputStream in = SpecialCategoryRecognizer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new PiiEngineException("resource missing: " + RESOURCE);
            }
            List<String> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                for (String phrase : t.split("\\|")) {
                    if (!phrase.isBlank()) {
                        out.add(phrase.strip());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new PiiEngineException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public String name() {
        return "special-category";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        for (long term = nextTerm(text, 0); term >= 0; term = nextTerm(text, (int) term)) {
            found.add(new Finding(EntityType.SPECIAL_CATEGORY, (int) (term >>> 32), (int) term, 0.8, name(), "term list", ""));
        }
        return found;
    }

    /**
     * Whether {@link #find} finds a term in {@code text}: the same walk, ended at the first term, without the findings
     * (the purpose guard asks only this, once per message).
     */
    public boolean occursIn(String text) {
        return nextTerm(text, 0) >= 0;
    }

    /**
     * The first term from {@code from} on, as {@code start << 32 | end} (no object per term), or -1 when there is none:
     * one walk over the word tokens (runs of letters, digits and apostrophes), without arrays of them; a phrase's later
     * words are read where the phrase goes on.
     */
    private long nextTerm(String text, int from) {
        int n = text.length();
        int i = from;
        while (i < n) {
            if (!Letters.letterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int s = i;
            i = wordEnd(text, s);
            if (!surelyNoFirstWord(text, s, i)) {
                List<String[]> phrases = byFirstWord.get(text.substring(s, i).toLowerCase(Locale.ROOT));
                int end = phrases == null ? -1 : phraseEnd(text, i, phrases);
                if (end >= 0) {
                    return (long) s << 32 | end;
                }
            }
        }
        return -1;
    }

    /**
     * Where the first of the phrases (their first word read, ending at {@code firstEnd}) that goes on with its other
     * words ends, or -1 when none does.
     */
    private static int phraseEnd(String text, int firstEnd, List<String[]> phrases) {
        for (String[] p : phrases) {
            int end = firstEnd;
            boolean ok = true;
            for (int w = 1; w < p.length && ok; w++) {
                int start = end;
                while (start < text.length() && !Letters.letterOrDigit(text.charAt(start))) {
                    start++;
                }
                if (start == text.length()) {
                    ok = false;
                    break;
                }
                int e = wordEnd(text, start);
                ok = separator(text, end, start) && p[w].equals(text.substring(start, e).toLowerCase(Locale.ROOT));
                end = e;
            }
            if (ok) {
                return end;
            }
        }
        return -1;
    }

    /** End of the word token from {@code s} (a letter or digit): letters, digits and apostrophes, as {@link #find} reads them. */
    private static int wordEnd(String text, int s) {
        int i = s;
        while (i < text.length() && (Letters.letterOrDigit(text.charAt(i)) || text.charAt(i) == '\''
                || text.charAt(i) == '’')) {
            i++;
        }
        return i;
    }

    /**
     * True when the word [s, e) in lower case is certainly no phrase's first word: an ASCII word whose lower-case
     * hash (computed as {@link String#hashCode} would, without making the string) has no bit in the filter. Words
     * with other characters are left to the lookup, as {@code toLowerCase} may change more than single letters.
     */
    private boolean surelyNoFirstWord(String text, int s, int e) {
        int h = 0;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return false;
            }
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            h = 31 * h + c;
        }
        int bit = h & FILTER_MASK;
        return (firstWordFilter[bit >>> 6] & (1L << bit)) == 0;
    }

    /** Words of a phrase are separated by one or two spaces or hyphens ("burn-out", "hart- en vaatziekten"). */
    private static boolean separator(String text, int from, int to) {
        if (to - from < 1 || to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '-') {
                return false;
            }
        }
        return true;
    }

    @Override
    public Description describe() {
        return new Description(EntityType.SPECIAL_CATEGORY, "literal term list `pii/special-categories.txt` (" + phraseCount
                + " phrases: health, Wmo/Jeugdwet care, religion, ethnicity, politics/trade union, sex life, biometrics,"
                + " criminal data) matched on whole words in one pass",
                "flags the *term* so a policy can block or reroute; context-free, so a policy text about \"kanker\" is"
                        + " flagged too.");
    }
}
