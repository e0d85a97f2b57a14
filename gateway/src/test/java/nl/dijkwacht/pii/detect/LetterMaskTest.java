package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import nl.dijkwacht.pii.PieceTexts;
import nl.dijkwacht.words.WordList;
import org.junit.jupiter.api.Test;

/**
 * The letter masks before the firm lists (pii21) skip a firm only where the full comparison cannot find it: checked
 * against {@code regionMatches} and against the family-name firm search as it was, on generated texts.
 */
class LetterMaskTest {

    private static final List<String> FAMILY_NAME_FIRMS = WordList.list("/pii/names/family-name-firms.txt");

    @Test
    void ignoringCaseHoldsEveryLetterRegionMatchesLetsStandForACharacter() {
        for (char f = 0; f < 0x3000; f++) {
            if (Character.isSurrogate(f)) {
                continue;
            }
            long mask = LetterMask.ignoringCase(String.valueOf(f));
            for (char t = 0; t < 128; t++) {
                boolean matches = String.valueOf(t).regionMatches(true, 0, String.valueOf(f), 0, 1)
                        || (t + "\u0100").regionMatches(true, 0, f + "\u0101", 0, 1);
                if (matches && Character.isLetter(t)) {
                    assertThat(LetterMask.holds(mask, LetterMask.of(String.valueOf(t)))).as("%s for U+%04X", t, (int) f)
                            .isTrue();
                }
            }
        }
        // the odd ones do stand for ASCII letters: a mask of the character's own ASCII fold would miss them
        assertThat(LetterMask.ignoringCase("\u212A")).isEqualTo(LetterMask.of("k"));
        assertThat(LetterMask.ignoringCase("ı")).isEqualTo(LetterMask.of("i"));
        assertThat(LetterMask.ignoringCase("ſ")).isEqualTo(LetterMask.of("s"));
        assertThat(LetterMask.ignoringCase("ö")).isZero();
    }

    @Test
    void afterLowerCaseHoldsEveryLetterOfTheLowerCasedText() {
        Random random = new Random(21);
        String[] pieces = {"Albert", "HEIJN", "kpmg", " ", "-", "&", "'", "12", "é", "İ", "\u212A", "ı", "x"};
        for (int i = 0; i < 20_000; i++) {
            String s = PieceTexts.next(random, pieces, 1, 6);
            long have = LetterMask.afterLowerCase(s, 0, s.length());
            assertThat(LetterMask.holds(have, LetterMask.of(s.toLowerCase(java.util.Locale.ROOT)))).as(s).isTrue();
        }
        assertThat(LetterMask.afterLowerCase("Jan Jansen", 0, 10)).isEqualTo(LetterMask.of("ajens"));
    }

    @Test
    void familyNameFirmsFoundAsByTheFullSearch() {
        String[] pieces = PieceTexts.pieces(FAMILY_NAME_FIRMS,
                (k, firm) -> k % 3 == 0 ? firm.toUpperCase(java.util.Locale.ROOT) : k % 3 == 1 ? capitalised(firm) : firm,
                " ", " ", "van ", "Van ", "mevrouw ", "factuur ", "Jansen", "Karin ", "-", ".", ",", "PHİLIPS",
                "WEHKAMP", "Heıjmans", "Stor\u212A", "ſtork");
        Random random = new Random(22);
        int found = 0;
        for (int i = 0; i < 40_000; i++) {
            String text = PieceTexts.next(random, pieces, 1, 5);
            int start = random.nextInt(text.length());
            int end = start + 1 + random.nextInt(text.length() - start);
            boolean expected = familyNameFirmByFullSearch(text, start, end);
            found += expected ? 1 : 0;
            assertThat(NamedThings.familyNameFirm(text, start, end)).as("%s [%d, %d)", text, start, end)
                    .isEqualTo(expected);
        }
        assertThat(found).isGreaterThan(1_000);
    }

    /** {@code NamedThings.familyNameFirm} before pii21: every firm compared at every position. */
    private static boolean familyNameFirmByFullSearch(String text, int start, int end) {
        for (String firm : FAMILY_NAME_FIRMS) {
            int len = firm.length();
            int from = Math.max(0, end - len);
            int to = Math.min(start, text.length() - len);
            if (len < end - start && !firm.startsWith("van ")) {
                from = end - len;
                to = text.startsWith("van ", from - 4) && from - 4 >= start ? from : -1;
            }
            for (int at = from; at <= to; at++) {
                if (text.regionMatches(true, at, firm, 0, len)
                        && !NamedThings.wordChar(at > 0 ? text.charAt(at - 1) : ' ')
                        && (at + len == text.length() || !NamedThings.wordChar(text.charAt(at + len)))) {
                    return !NamedThings.titleBefore(text, at);
                }
            }
        }
        return false;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Test
    void oddLettersStillMatch() {
        assertThat(NamedThings.familyNameFirm("factuur van HEıJMANS", 12, 20)).isTrue();
        assertThat(NamedThings.familyNameFirm("bij Stor\u212A", 4, 9)).isTrue();
        assertThat(NamedThings.familyNameFirm("Karin Heijmans", 0, 14)).isFalse();
    }
}
