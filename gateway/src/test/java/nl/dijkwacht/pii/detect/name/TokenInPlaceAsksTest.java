package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import nl.dijkwacht.pii.detect.KnownNames;
import nl.dijkwacht.words.WordSet;
import org.junit.jupiter.api.Test;

/**
 * A token asked in place ({@link TextToken#in}, {@code is}, {@code lowerIs}, {@code length}, {@code charAt},
 * {@code allCaps}, the gazetteer's token asks, the name model's window key) answers as its strings do ({@code set.contains(lower())},
 * {@code text().equals}, …). Each text is tokenised twice: the strings of one token list are made, the other's
 * tokens are asked in place (a token whose lower case was made answers through it).
 */
class TokenInPlaceAsksTest {

    private static final NameGazetteer GAZETTEER = new NameGazetteer();
    private static final List<Set<String>> SETS = List.of(NameWords.PARTICLES, NameWords.TITLES, NameWords.NOT_NAMES,
            NameWords.LEADING_PARTICLES, NameWords.AMBIGUOUS, StreetOrganisationFilter.LEGAL_FORMS,
            FamilyNameFirstRules.FAMILY_NAMES, WordSet.of(List.of("ik", "i", "", "ı", "i̇stanbul", "σοφια", "σοφιας",
                    "ς", "groet", "-", ",", "2", "𐐨𐐯")), Set.of("jan", "de", "i̇", "ß"));

    /** Words whose lower case the JDK makes otherwise than char by char, and some of every kind the rules ask. */
    private static final List<String> WORDS = List.of("İstanbul", "İ", "ΣΟΦΙΑΣ", "ΣΟΦΙΑ", "Σ", "Σx", "σοφιας",
            "𐐀𐐇", "𐐨𐐯", "Ǆ", "ǅ", "ǆ", "K", "ẞ", "Straße", "ΐ", "ﬁ", "Jan", "JAN", "jan", "De", "de", "VAN", "van",
            "Jan-Willem", "jan-willem", "Erik-Jan", "Wiśniewska", "WIŚNIEWSKA", "Nováková", "NOVÁKOVÁ", "Kowalczyk",
            "Vries", "de Vries", "Heer", "heer", "dhr", "Dhr.", "B.V.", "bv", "Groet", "gr", "ik", "I", "ı", "A", "a",
            "Á", "Özdemir", "ÖZDEMİR", "Ahmed", "'t", "’t", "Jansen-de", "2", ",", ".", "&", "-", "—", "x́", "Aá");

    @Test
    void tokensAskedInPlaceAnswerAsTheirStrings() {
        Random random = new Random(24);
        List<String> firstNames = new ArrayList<>(KnownNames.shared().firstNames());
        List<String> surnames = new ArrayList<>(KnownNames.shared().surnames());
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int words = 1 + random.nextInt(12);
            for (int w = 0; w < words; w++) {
                String word = switch (random.nextInt(6)) {
                    case 0 -> WORDS.get(random.nextInt(WORDS.size()));
                    case 1 -> firstNames.get(random.nextInt(firstNames.size()));
                    case 2 -> surnames.get(random.nextInt(surnames.size()));
                    case 3 -> firstNames.get(random.nextInt(firstNames.size())) + "-"
                            + surnames.get(random.nextInt(surnames.size()));
                    case 4 -> anyChars(random);
                    default -> {
                        List<String> set = new ArrayList<>(SETS.get(random.nextInt(SETS.size())));
                        yield set.get(random.nextInt(set.size()));
                    }
                };
                text.append(casing(word, random)).append(" ,.\n".charAt(random.nextInt(4)));
            }
            check(text.toString());
        }
    }

    @Test
    void everyCharAloneAndAfterAWideCharAnswersAsItsString() {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            text.append((char) c).append(' ').append('Ā').append((char) c).append('a').append(' ');
            if (c % 2048 == 2047) {
                check(text.toString());
                text.setLength(0);
            }
        }
    }

    private static void check(String text) {
        List<TextToken> inPlace = TextToken.tokenize(text);
        List<TextToken> strings = TextToken.tokenize(text);
        assertThat(inPlace).hasSameSizeAs(strings);
        List<String> differ = new ArrayList<>();
        for (int k = 0; k < inPlace.size(); k++) {
            TextToken a = inPlace.get(k);
            TextToken b = strings.get(k);
            String lower = b.lower();
            String t = b.text();
            String at = "token " + k + " (" + b + ", lower case of " + lower.length() + " chars): ";
            if (!lower.equals(t.toLowerCase(Locale.ROOT))) {
                differ.add(at + "lower()");
            }
            for (int s = 0; s < SETS.size(); s++) {
                if (a.in(SETS.get(s)) != SETS.get(s).contains(lower)) {
                    differ.add(at + "in set " + s);
                }
            }
            if (GAZETTEER.isFirstName(a) != GAZETTEER.isFirstName(lower)) {
                differ.add(at + "isFirstName");
            }
            if (GAZETTEER.isSurname(a) != GAZETTEER.isSurname(lower)) {
                differ.add(at + "isSurname");
            }
            for (String w : List.of(lower, "de", "gr", "heer", lower + "x", "i̇", "ς")) {
                if (a.lowerIs(w) != lower.equals(w)) {
                    differ.add(at + "lowerIs");
                }
            }
            for (String w : List.of(t, ",", ".", "&", "A", t.toUpperCase(Locale.ROOT))) {
                if (a.is(w) != t.equals(w)) {
                    differ.add(at + "is");
                }
            }
            if (a.length() != t.length() || a.charAt(0) != t.charAt(0) || a.allCaps() != NameParser.isAllCaps(t)
                    || a.holds('-') != (lower.indexOf('-') >= 0)) {
                differ.add(at + "length, charAt, allCaps or holds");
            }
            // the strings, made last, are the ones the other list made, and a made lower case answers alike
            if (!a.text().equals(t) || !a.lower().equals(lower)
                    || a.in(SETS.get(0)) != SETS.get(0).contains(lower)) {
                differ.add(at + "strings");
            }
        }
        // the name model's window key from the tokens in place: the same digest as from the words' strings
        for (int from = 0; from < strings.size(); from += 3) {
            int to = Math.min(strings.size(), from + 1 + from % 7);
            String[] words = new String[to - from];
            for (int k = from; k < to; k++) {
                words[k - from] = strings.get(k).text();
            }
            if (!WindowKey.of(SALT, inPlace, from, to).equals(WindowKey.of(SALT, words))) {
                differ.add("window key of tokens [" + from + ", " + to + ")");
            }
        }
        assertThat(differ).isEmpty();
    }

    private static final java.security.MessageDigest SALT = nl.dijkwacht.pii.SaltedDigest.newSha256();

    private static String anyChars(Random random) {
        StringBuilder s = new StringBuilder();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            s.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : 'A' + random.nextInt(0x250 - 'A')));
        }
        return s.toString();
    }

    private static String casing(String word, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
            default -> word;
        };
    }
}
