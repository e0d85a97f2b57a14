package nl.dijkwacht.pii.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import nl.dijkwacht.pii.PieceTexts;
import org.junit.jupiter.api.Test;

/**
 * The spaced-address repair gives the same edits as before pii25 (one pass over the spaces instead of a search of the
 * text per street word), on texts glued from what it reads; and a text that opens with a space and a street word no
 * longer hides that street word's later gaps (the search per word stopped at a match at offset 0).
 */
class SpacedAddressRepairSameEditsTest {

    private static final String[] PIECES = {"Zwaluw", "Hindoestaanse", "Kerkewijk", "Vlier", "Ab", "ABC", "De", "x",
        " straat", " laan", " plein", " gracht", " kade", " singel", " dreef", " steeg", " plantsoen", "straat", "laan",
        "plantsoen", " weg", " hof", "dijk", "pad", "plei", " ", " ", " ", "  ", "   ", "\n", "-", ".", ",", ":", "0", "1",
        "30", "190", "7131", "12345", "123456", "1.5", "PK", "AB", "é", "É", "Zwaluw straat 30", "Hindoestaanse  laan  31", "Kerkewijk  190", "7131  PK",
        "Vlierstraat  21", " Dorps plein  4"};

    @Test
    void sameEditsAsBeforeOnGluedTexts() {
        Random random = new Random(25);
        int repaired = 0;
        int compared = 0;
        for (int i = 0; i < 150_000; i++) {
            String s = PieceTexts.next(random, PIECES, 1, i % 10 == 0 ? 60 : 12);
            if (opensWithSpacedStreetWord(s)) {
                continue;
            }
            var before = SpacedAddressRepairBefore.edits(s);
            repaired += before.isEmpty() ? 0 : 1;
            compared++;
            assertThat(SpacedAddressRepair.edits(s)).as(s).isEqualTo(before);
        }
        assertThat(compared).isGreaterThan(100_000);
        assertThat(repaired).isGreaterThan(10_000);
    }

    @Test
    void aTextOpeningWithASpacedStreetWordStillHasItsLaterGapsRepaired() {
        String s = " straat, Zwaluw straat 30";
        assertThat(SpacedAddressRepairBefore.edits(s)).isEmpty();
        assertThat(SpacedAddressRepair.edits(s)).containsExactly(new TextNormalizer.Edit(15, 16, ""));
        assertThat(SpacedAddressRepair.edits(s.substring(8))).containsExactly(new TextNormalizer.Edit(7, 8, ""));
    }

    private static boolean opensWithSpacedStreetWord(String s) {
        for (String word : new String[] {"straat", "laan", "plein", "gracht", "kade", "singel", "dreef", "steeg",
            "plantsoen"}) {
            if (s.startsWith(" " + word)) {
                return true;
            }
        }
        return false;
    }
}
