package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import org.junit.jupiter.api.Test;

/**
 * guard27: the purpose guard decides a disguised request as it decides the plain one. Every forbidden and every allowed
 * (near-miss, generic special-category) prompt of the development part of the evaluation set (dev … heldout16; never
 * an unseen part) is disguised the way staff or a tool can write it — zero-width characters and soft hyphens inside words,
 * Cyrillic and Greek look-alike letters, full-width letters, accents, capitals, letter-spacing, markdown, a word
 * hyphenated over a line break, HTML character references — alone and two at a time (fixed seed), and the guard's
 * decision (verdict and purpose) on the disguised text must be its decision on the plain text; for a text in capitals
 * (alone or with another disguise) at most one in a hundred may differ ({@link CapitalsRead}). {@code -Dshow=N} prints
 * the first N differences with their texts (development data only).
 */
class PurposeGuardDisguiseTest {

    private static final long SEED = 27_2712L;

    /** A disguise: the plain text and a random source give the disguised text. */
    private record Disguise(String name, BiFunction<String, Random, String> apply) {
    }

    /** A word: letters, with the marks and invisible characters an earlier disguise put in. */
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}\\p{Cf}]{3,}");

    static final List<Disguise> DISGUISES = List.of(
            new Disguise("zero-width", (t, r) -> insideWords(t, r, w -> scatter(w, r, new String[] {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"}))),
            new Disguise("soft-hyphen", (t, r) -> insideWords(t, r, w -> scatter(w, r, new String[] {"\u00AD"}))),
            new Disguise("look-alike", (t, r) -> insideWords(t, r, w -> lookAlike(w, r))),
            new Disguise("full-width", (t, r) -> fullWidth(t)),
            new Disguise("accents", (t, r) -> insideWords(t, r, w -> accents(w, r))),
            new Disguise("combining-accents", (t, r) -> insideWords(t, r, w -> combining(w, r))),
            new Disguise("all-caps", (t, r) -> t.toUpperCase(Locale.ROOT)),
            new Disguise("letter-spacing", (t, r) -> letterSpaced(t, r)),
            new Disguise("markdown", (t, r) -> markdown(t, r)),
            new Disguise("line-break-hyphen", (t, r) -> hyphenated(t, r)),
            new Disguise("html-entities", (t, r) -> entities(t, r)));

    @Test
    void theSameDecisionHoweverTheRequestIsWritten() {
        PurposeGuardPolicy settings = PurposeGuardPolicy.DEFAULTS;
        List<ForbiddenPurpose> rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
        LayeredPurposeGuard guard = new LayeredPurposeGuard(PurposeClassifier.shipped(), new SpecialCategoryRecognizer(), 0);
        List<String> prompts = tuningPrompts();
        Random random = new Random(SEED);
        Map<String, int[]> perDisguise = new LinkedHashMap<>();
        List<String> differences = new ArrayList<>();
        int refusedPlain = 0;
        int capitalTexts = 0;
        for (String text : prompts) {
            String plain = decision(guard, text, rules, settings);
            refusedPlain += plain.startsWith("FORBIDDEN") ? 1 : 0;
            List<Disguise> applied = new ArrayList<>();
            for (Disguise d : DISGUISES) {
                applied.add(d);
            }
            // two at a time: each disguise with one other, drawn from the seed; character references last (an encoding:
            // a disguise inside "&#112;" would leave no reference to decode)
            for (Disguise d : DISGUISES) {
                Disguise other = DISGUISES.get(random.nextInt(DISGUISES.size()));
                if (other != d) {
                    Disguise first = d.name().equals("html-entities") ? other : d;
                    Disguise second = first == d ? other : d;
                    applied.add(new Disguise(first.name() + "+" + second.name(),
                            (t, r) -> second.apply().apply(first.apply().apply(t, r), r)));
                }
            }
            for (Disguise d : applied) {
                String disguised = d.apply().apply(text, random);
                String decided = decision(guard, disguised, rules, settings);
                int[] counts = perDisguise.computeIfAbsent(d.name().contains("+") ? "combined" : d.name(), k -> new int[2]);
                counts[0]++;
                capitalTexts += d.name().contains("all-caps") ? 1 : 0;
                if (!decided.equals(plain)) {
                    counts[1]++;
                    differences.add(d.name() + ": " + plain + " -> " + decided + " | " + PurposeText.of(disguised) + " | " + text);
                }
            }
        }
        StringBuilder report = new StringBuilder();
        perDisguise.forEach((name, c) -> report.append(String.format(Locale.ROOT, "%-18s %6d texts, %4d other decisions%n", name, c[0], c[1])));
        System.out.print(report);
        differences.stream().filter(x -> !x.startsWith("all-caps") || Boolean.getBoolean("caps")).limit(Integer.getInteger("show", 0)).forEach(System.out::println);
        assertThat(prompts).hasSizeGreaterThan(1_500);
        assertThat(refusedPlain).as("forbidden prompts among them").isGreaterThan(500);
        // capitals: case is information a text in capitals has lost (CapitalsRead restores sentence starts, initials and
        // known names, not acronyms or other proper nouns); at most one text in a hundred decided otherwise (19 of 4,554 when
        // written), every other disguise none
        List<String> capitals = differences.stream().filter(x -> x.startsWith("all-caps") || x.contains("+all-caps")).toList();
        report.append("capitals alone or combined: ").append(capitalTexts).append(" texts, ").append(capitals.size()).append(" other decisions\n");
        System.out.print(report.substring(report.indexOf("capitals alone")));
        assertThat(differences).as(report.toString()).hasSameSizeAs(capitals);
        assertThat(capitals.size()).as(report.toString()).isLessThanOrEqualTo(capitalTexts / 100);
    }

    /**
     * guard50 (redteam49's markup inside a word, {@code ver<b>blijfs</b>vergunning}): HTML tags inside the words of every
     * development prompt — a phrasing element around a word's second half, or a span with layout attributes — leave the
     * guard's decision as on the plain text. Counts only: a failure prints no prompt.
     */
    @Test
    void htmlTagsInsideWordsLeaveTheDecision() {
        PurposeGuardPolicy settings = PurposeGuardPolicy.DEFAULTS;
        List<ForbiddenPurpose> rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
        LayeredPurposeGuard guard = new LayeredPurposeGuard(PurposeClassifier.shipped(), new SpecialCategoryRecognizer(), 0);
        Pattern longWord = Pattern.compile("\\p{L}{6,}");
        int judged = 0;
        int differ = 0;
        for (String text : tuningPrompts()) {
            String plain = decision(guard, text, rules, settings);
            for (String[] tag : new String[][] {{"<b>", "</b>"}, {"<span lang=NL style=\"color:#1F497D\">", "</span>"}}) {
                String tagged = longWord.matcher(text).replaceAll(m -> {
                    String w = m.group();
                    int half = w.length() / 2;
                    return java.util.regex.Matcher.quoteReplacement(w.substring(0, half) + tag[0] + w.substring(half) + tag[1]);
                });
                judged++;
                boolean same = decision(guard, tagged, rules, settings).equals(plain);
                differ += same ? 0 : 1;
            }
        }
        assertThat(judged).as("tagged prompts judged").isGreaterThan(4_000);
        assertThat(differ).as("tagged prompts decided otherwise than the plain text").isZero();
    }

    /** The verdict and the purpose: what the guard decides (not the score, which a disguise may move a little). */
    static String decision(LayeredPurposeGuard guard, String text, List<ForbiddenPurpose> rules, PurposeGuardPolicy settings) {
        Judgement j = guard.judge(List.of(text), rules, settings, null);
        return j.verdict() + (j.purposeId() == null ? "" : ":" + j.purposeId());
    }

    /**
     * The forbidden and the allowed prompts of every development part (dev … heldout16 since the seventeenth round; the thirteenth
     * fixed the reading of a combining mark before an underscore that kept held-out-11 out in the twelfth).
     */
    static List<String> tuningPrompts() {
        List<String> out = new ArrayList<>();
        for (String part : PurposeEvaluation.DEVELOPMENT.stream().sorted().toList()) {
            for (EvalSet.Prompt p : EvalSet.load(part).prompts()) {
                if (p.label() != EvalSet.Label.PERSONAL_SPECIAL) {
                    out.add(p.text());
                }
            }
        }
        return out;
    }

    // ---- the disguises ----

    /** Applies {@code f} to about half of the words of four letters or more (at least one). */
    private static String insideWords(String text, Random r, java.util.function.UnaryOperator<String> f) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean any = false;
        while (m.find()) {
            boolean pick = r.nextBoolean();
            m.appendReplacement(out, Matcher.quoteReplacement(pick ? f.apply(m.group()) : m.group()));
            any |= pick;
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String scatter(String word, Random r, String[] invisibles) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            b.append(word.charAt(i));
            if (i + 1 < word.length() && r.nextInt(3) == 0) {
                b.append(invisibles[r.nextInt(invisibles.length)]);
            }
        }
        return b.toString();
    }

    /** Latin letters and a Cyrillic or Greek letter drawn alike (Unicode confusables.txt). */
    private static final Map<Character, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry('a', "\u0430"), Map.entry('c', "\u0441"), Map.entry('e', "\u0435"), Map.entry('o', "\u043E\u03BF"),
            Map.entry('p', "\u0440\u03C1"), Map.entry('x', "\u0445"), Map.entry('y', "\u0443"), Map.entry('i', "\u0456"),
            Map.entry('s', "\u0455"), Map.entry('j', "\u0458"), Map.entry('h', "\u04BB"), Map.entry('A', "\u0410\u0391"),
            Map.entry('B', "\u0412\u0392"), Map.entry('E', "\u0415\u0395"), Map.entry('H', "\u041D\u0397"),
            Map.entry('K', "\u041A\u039A"), Map.entry('M', "\u041C\u039C"), Map.entry('O', "\u041E\u039F"),
            Map.entry('P', "\u0420\u03A1"), Map.entry('T', "\u0422\u03A4"), Map.entry('X', "\u0425\u03A7"),
            Map.entry('C', "\u0421"), Map.entry('I', "\u0406\u0399"), Map.entry('Z', "\u0396"), Map.entry('N', "\u039D"),
 Map.entry('S', "\u0405"), Map.entry('J', "\u0408"));

    private static String lookAlike(String word, Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            String alikes = LOOK_ALIKES.get(word.charAt(i));
            b.append(alikes != null && r.nextInt(2) == 0 ? alikes.charAt(r.nextInt(alikes.length())) : word.charAt(i));
        }
        return b.toString();
    }

    private static String fullWidth(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            b.append(c > ' ' && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);
        }
        return b.toString();
    }

    private static final Map<Character, Character> ACUTE = Map.of('a', 'á', 'e', 'é', 'i', 'í', 'o', 'ó', 'u', 'ú', 'E', 'É', 'A', 'Á');

    private static String accents(String word, Random r) {
        StringBuilder b = new StringBuilder();
        for (char c : word.toCharArray()) {
            Character accented = ACUTE.get(c);
            b.append(accented != null && r.nextInt(2) == 0 ? accented : c);
        }
        return b.toString();
    }

    private static String combining(String word, Random r) {
        StringBuilder b = new StringBuilder();
        for (char c : word.toCharArray()) {
            b.append(c);
            if (Character.isLetter(c) && r.nextInt(3) == 0) {
                b.append(r.nextBoolean() ? '\u0301' : '\u0308');
            }
        }
        return b.toString();
    }

    /**
     * One to three words of five letters or more letter-spaced ("p r o f i e l"); three spaces from a spaced word or a
     * single character next to it.
     */
    private static String letterSpaced(String text, Random r) {
        String[] words = text.split(" ", -1);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].matches("\\p{L}{5,}")) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return text;
        }
        boolean[] spaced = new boolean[words.length];
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            spaced[candidates.get(r.nextInt(candidates.size()))] = true;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                // a writer parts a spaced word from the next spaced word, or from a single letter or digit, by a wider gap:
                // "b e s t e 2" is as much "beste2" as "beste 2"
                boolean wide = spaced[i] && (spaced[i - 1] || words[i - 1].length() == 1)
                        || spaced[i - 1] && words[i].length() == 1;
                b.append(wide ? "   " : " ");
            }
            b.append(spaced[i] ? String.join(" ", words[i].split("")) : words[i]);
        }
        return b.toString();
    }

    private static final String[][] MARKS = {{"**", "**"}, {"*", "*"}, {"__", "__"}, {"_", "_"}, {"`", "`"}, {"~~", "~~"}};

    /** Words in bold, italics, code or struck through; sometimes a heading or a list bullet before the text. */
    private static String markdown(String text, Random r) {
        String marked = insideWords(text, r, w -> {
            String[] m = MARKS[r.nextInt(MARKS.length)];
            return m[0] + w + m[1];
        });
        return switch (r.nextInt(3)) {
            case 0 -> "## " + marked;
            case 1 -> "- " + marked;
            default -> marked;
        };
    }

    /** A word of seven letters or more hyphenated over a line break ("profi-\nel"). */
    private static String hyphenated(String text, Random r) {
        return insideWords(text, r, w -> {
            if (w.length() < 7 || r.nextInt(3) != 0) {
                return w;
            }
            int at = 3 + r.nextInt(w.length() - 5);
            return w.substring(0, at) + "-\n" + w.substring(at);
        });
    }

    /** Letters and spaces as HTML character references ({@code &#112;}, {@code &#x72;}, {@code &eacute;}, {@code &nbsp;}). */
    private static String entities(String text, Random r) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            int pick = r.nextInt(8);
            if (c == ' ' && pick == 0) {
                b.append("&nbsp;");
            } else if (c == 'é') {
                b.append("&eacute;");
            } else if (Character.isLetter(c) && c < 0x80 && pick == 1) {
                b.append("&#").append((int) c).append(';');
            } else if (Character.isLetter(c) && c < 0x80 && pick == 2) {
                b.append("&#x").append(Integer.toHexString(c)).append(';');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
