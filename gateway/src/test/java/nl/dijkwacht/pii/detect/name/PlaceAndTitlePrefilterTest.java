package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Random;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.PieceTexts;
import org.junit.jupiter.api.Test;

/** The look at the end of the text before a name loses no match of the two patterns it stands before (regex20). */
class PlaceAndTitlePrefilterTest {

    private static final String[] PIECES = {"1234", "l2O4", "12", "AB", "ab", "x", " ", " ", "  ", "\t", "Koning",
        "Koningin", "Prinses", "Kroonprins", "KONINGIN", "KONING", "de", ",", "\r", "\u2028", "\u0085", "é", "O", "l",
        "mijn naam is", "Postbus 12, 3500 AB "};

    @Test
    void everyTextThePatternsMatchPassesTheCheck() throws ReflectiveOperationException {
        Pattern postcode = pattern("POSTCODE_BEFORE");
        Pattern royal = pattern("ROYAL_TITLE_BEFORE");
        Random random = new Random(20);
        int matched = 0;
        for (int i = 0; i < 50_000; i++) {
            String text = PieceTexts.next(random, PIECES, 1, 8);
            String before = text.length() > 40 ? text.substring(text.length() - 40) : text;
            if (postcode.matcher(before).find() || royal.matcher(before).find()) {
                matched++;
                assertThat(PlaceAndTitleFilter.mayEndInPostcodeOrTitle(before)).as(before).isTrue();
            }
        }
        assertThat(matched).isGreaterThan(1_000);
        assertThat(PlaceAndTitleFilter.mayEndInPostcodeOrTitle("Goedemiddag, mijn naam is ")).isFalse();
    }

    private static Pattern pattern(String name) throws ReflectiveOperationException {
        Field f = PlaceAndTitleFilter.class.getDeclaredField(name);
        f.setAccessible(true);
        return (Pattern) f.get(null);
    }
}
