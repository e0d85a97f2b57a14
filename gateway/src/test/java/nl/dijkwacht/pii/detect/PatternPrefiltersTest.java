package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import nl.dijkwacht.pii.PieceTexts;
import org.junit.jupiter.api.Test;

/**
 * The cheap checks that keep a pattern from being tried where it cannot match (regex20) lose no match: on many
 * generated texts of digit runs, separators, month names and street words, every offset where a pattern matches is
 * still among the offsets it is tried at, and a pattern rewritten for speed matches what the plain one matched.
 */
class PatternPrefiltersTest {

    private static final String[] PIECES = {"0", "1", "2", "3", "9", "00", "06", "12", "14", "19", "20", "31", "316",
        "31", "1234", "2024", "1987", "12345", "123456", "1234567", "12345678", "123456789", "0612345678",
        "31612345678", "316123456789", "0417164300", " ", " ", " ", " ", "  ", ".", ".", "-", "-", "/", ",", "'", "’",
        "(", ")", "+", ":", "\n", "e", "de", "in", "maart", "MRT", "mrt.", "januari", "Sept.", "march", "mai", "marzo",
        "août", "décembre", "septiembre", "geboren", "NL", "ABNA", "AB", "ab", "x", "é", "Dorpsstraat", "kerkweg",
        "van", "der", "oude", "laan", "straat", "Markt", "Laan", "Jansen", "de", "Willem", "hs", "a", "I", "€", "tel",
        "kvk", "bsn", "@", "192.168", ".1", "255", "256", "12031990", "19900312", "1990", "0312", "311", "612", "6", "Grote", "Burg.", "J.", "'t", "Zwijgerlaan",
        "Kerkstraat", "Oudegracht", " 12", " 7a", " 3 hs", "Mevrouw", "ter", "AB-12-34", "12-ABC-3", "X-999-XX", "-AB",
        "GH-", "1-", "XYZ"};

    /** Texts built from the pieces above, the same every run. */
    private static List<String> texts(int count) {
        Random random = new Random(20);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(PieceTexts.next(random, PIECES, 3, 27));
        }
        out.add("geboren 14 maart 1987, 12-03-1990, 3 MRT/MAR 1985, 5 mei '75, 4 août 2023, 14 de marzo de 1951");
        out.add("bsn 1234.56.782 of 123 456 782, kvk 12.345.678, v-nummer 1234 567 890, tel 612 34 56 78");
        out.add("geb. 12031990 of 19900312, 1990-03-12, 00-00-1999, 23 08 1981, 13-FEB-84, 5e maart 1961, 31612345678");
        return out;
    }

    /** Offsets in {@code candidates} where {@code pattern} matches (transparent bounds, as {@link CandidateScan}). */
    private static List<Integer> matchingStarts(Pattern pattern, String text, int[] candidates) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        List<Integer> out = new ArrayList<>();
        for (int i : candidates) {
            if (m.region(i, text.length()).lookingAt()) {
                out.add(i);
            }
        }
        return out;
    }

    private static List<Integer> list(int[] offsets) {
        return Arrays.stream(offsets).boxed().toList();
    }

    @Test
    void patternsTriedAtRunsOfGivenLengthsLoseNoMatch() {
        List<PatternRecognizer> recognizers = StructuredIdentifiers.all().stream()
                .filter(PatternRecognizer.class::isInstance).map(PatternRecognizer.class::cast).toList();
        int checked = 0;
        for (PatternRecognizer r : recognizers) {
            for (PatternRecognizer.Rule rule : r.rules()) {
                if (rule.runLengths() == 0) {
                    continue;
                }
                checked++;
                for (String text : texts(4000)) {
                    AnalysedText a = AnalysedText.of(text);
                    assertThat(list(rule.starts(a))).as(r.name() + " / " + rule.label() + " in " + text)
                            .containsAll(matchingStarts(rule.pattern(), text, a.digitRunStarts()));
                }
            }
        }
        assertThat(checked).isEqualTo(11); // pii48b: date-of-birth-compact; pii49: month first in figures; pii50: BSN with a double space, T.C. Kimlik
    }

    @Test
    void dateOfBirthShapeLookAheadsChangeNoMatch() {
        Pattern guarded = ((PatternRecognizer) DateOfBirthPatterns.dateOfBirth()).rules().get(0).pattern();
        String plainRegex = guarded.pattern();
        for (String lookAhead : List.of("(?=[A-Za-z]{3,9}\\.?(?:/[A-Za-z]{3,9})? (?:19|20|['’]))",
                "(?=[A-Za-z]{3,9}-\\d)", "(?=\\p{L}{4,10}(?: de)? (?:19|20))")) {
            assertThat(plainRegex).contains(lookAhead);
            plainRegex = plainRegex.replace(lookAhead, "");
        }
        Pattern plain = Pattern.compile(plainRegex);
        for (String text : texts(8000)) {
            int[] every = IntStream.range(0, text.length()).toArray();
            for (int i : every) {
                Matcher a = guarded.matcher(text).useTransparentBounds(true).region(i, text.length());
                Matcher b = plain.matcher(text).useTransparentBounds(true).region(i, text.length());
                boolean found = a.lookingAt();
                assertThat(found).as(text).isEqualTo(b.lookingAt());
                if (found) {
                    assertThat(a.group(1)).as(text).isEqualTo(b.group(1));
                }
            }
        }
    }

    @Test
    void literalAlternationMatchesWhatThePlainAlternationMatches() {
        List<String> words = List.of(AddressRecognizer.SUFFIXES.split("\\|"));
        Pattern tree = Pattern.compile(LiteralAlternation.of(words));
        Pattern plain = Pattern.compile("(?:" + AddressRecognizer.SUFFIXES + ")");
        List<String> probes = new ArrayList<>(words);
        for (String w : words) {
            probes.add(w + "x");
            probes.add(w.substring(0, w.length() - 1));
            probes.add(w.toUpperCase(java.util.Locale.ROOT));
            probes.add("straat" + w);
        }
        probes.addAll(texts(2000));
        for (String p : probes) {
            assertThat(tree.matcher(p).matches()).as(p).isEqualTo(plain.matcher(p).matches());
        }
    }

    @Test
    void addressIsTriedWhereverItCanMatch() throws ReflectiveOperationException {
        Pattern address = staticPattern(AddressRecognizer.class, "ADDRESS");
        var mayStart = AddressStarts.class.getDeclaredMethod("mayStart", String.class, int.class);
        mayStart.setAccessible(true);
        List<String> texts = new ArrayList<>(texts(6000));
        texts.add("ik woon op de kerkstraat 12, oude kerkweg 3 hs, van der helstlaan 4, Willem de Zwijgerlaan 7a");
        texts.add("Burg. J. van 't Hoffstraat 5, Grote Markt 3, Jansen en ik woon aan de Dorpsstraat 12, Laan van Meerdervoort 5");
        for (String text : texts) {
            for (int q : IntStream.range(0, text.length()).toArray()) {
                Matcher m = address.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                if (m.region(q, text.length()).lookingAt()) {
                    assertThat((boolean) mayStart.invoke(null, text, q)).as(q + " in " + text).isTrue();
                }
            }
        }
    }

    @Test
    void postcodeIpPhoneAndPlateAreTriedWhereverTheyCanMatch() throws ReflectiveOperationException {
        Pattern postcode = staticPattern(PostcodeRecognizer.class, "POSTCODE");
        Pattern lowerSpaced = staticPattern(PostcodeRecognizer.class, "LOWER_SPACED");
        Pattern ipv4 = staticPattern(IpAddressRecognizer.class, "IPV4");
        Pattern phone = staticPattern(PhoneRecognizer.class, "CANDIDATE");
        Pattern plate = staticPattern(LicencePlateRecognizer.class, "WITH_DASHES");
        for (String text : texts(6000)) {
            int[] runs = AnalysedText.of(text).digitRunStarts();
            int[] fourDigits = CandidateScan.digitRuns(text, runs, 4, 4, null);
            assertThat(list(fourDigits)).as(text).containsAll(matchingStarts(postcode, text, runs));
            assertThat(list(fourDigits)).as(text).containsAll(matchingStarts(lowerSpaced, text, runs));
            assertThat(list(CandidateScan.digitRuns(text, runs, 1, 3, "."))).as(text)
                    .containsAll(matchingStarts(ipv4, text, runs));
            int[] everyOffset = IntStream.range(0, text.length()).toArray();
            assertThat(list(PhoneRecognizer.candidateStarts(text))).as(text)
                    .containsAll(matchingStarts(phone, text, everyOffset));
            int[] tokens = AnalysedText.of(text).tokenStarts();
            assertThat(list(LicencePlateRecognizer.dashedStarts(text))).as(text)
                    .containsAll(matchingStarts(plate, text, tokens))
                    .containsExactlyElementsOf(plateShapedTokenStarts(text, tokens));
        }
    }

    /**
     * The plate candidates as worked out from the token starts until pii22: the token starts with a capital or digit,
     * not after a dash, where eight characters of capitals and digits with exactly two dashes, the first within three,
     * begin.
     */
    private static List<Integer> plateShapedTokenStarts(String text, int[] tokens) {
        List<Integer> out = new ArrayList<>();
        for (int i : tokens) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') || i > 0 && text.charAt(i - 1) == '-'
                    || i + 8 > text.length() || text.charAt(i + 7) == '-'
                    || text.charAt(i + 1) != '-' && text.charAt(i + 2) != '-' && text.charAt(i + 3) != '-') {
                continue;
            }
            int dashes = 0;
            boolean plateChars = true;
            for (int k = i; k < i + 8; k++) {
                char d = text.charAt(k);
                dashes += d == '-' ? 1 : 0;
                plateChars &= d == '-' || d >= 'A' && d <= 'Z' || d >= '0' && d <= '9';
            }
            if (plateChars && dashes == 2) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void handWrittenSplitsAreThePatterns() {
        Pattern separators = Pattern.compile("[._-]");
        List<String> locals = new ArrayList<>(List.of("", ".", "..", "a", "a.b", ".a", "a.", "a..b", "_-.", "j.de-vries_2",
                "team.wmo", "-x-", "x--"));
        locals.addAll(texts(3000));
        for (String s : locals) {
            assertThat(EmailRecognizer.splitAtSeparators(s)).as(s).containsExactly(separators.split(s));
            assertThat(EmailRecognizer.withoutSeparators(s)).as(s).isEqualTo(separators.matcher(s).replaceAll(""));
            assertThat(PhoneRecognizer.digitsOf(s)).as(s).isEqualTo(s.replaceAll("\\D", ""));
        }
    }

    private static Pattern staticPattern(Class<?> owner, String name) throws ReflectiveOperationException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return (Pattern) f.get(null);
    }
}
