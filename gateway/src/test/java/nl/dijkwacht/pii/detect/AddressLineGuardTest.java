package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import nl.dijkwacht.pii.PieceTexts;
import org.junit.jupiter.api.Test;

/**
 * {@link AddressStarts#mayFindIn} is false only where the recognizer finds nothing (the name-line rules ask it
 * before running the recognizer on the line under a name, pii23).
 */
class AddressLineGuardTest {

    private static final String[] PIECES = {"Dorpsstraat", "Kerkweg", "kerkstraat", "Laan", "Laan van", "Plein",
        "Markt", "Grote Markt", "Hollandsch Diep", "mahoniehout", "van de", "Willem de Zwijgerlaan", "Burg.", "de",
        "Nieuw", "Oost-Indië", "'t", "ik woon op", "wonende", "woonachtig aan", " ", " ", " ", "  ", "\t", ",", ".",
        "-", "0", "1", "9", "12", "58", "190", "2719", "2719 jd", "3512 AB", " 12", " 7a", " 3 hs", "-2", " bis", "a",
        "I", "é", "1944", "\u00a012", " 0", "Utrecht", "Jan", "Jansen"};

    @Test
    void falseOnlyWhereNothingIsFound() {
        AddressRecognizer recognizer = new AddressRecognizer();
        Random random = new Random(23);
        int found = 0;
        int skipped = 0;
        for (int i = 0; i < 60_000; i++) {
            String line = PieceTexts.next(random, PIECES, 1, 9);
            boolean hasAddress = !recognizer.find(line).isEmpty();
            found += hasAddress ? 1 : 0;
            if (!AddressStarts.mayFindIn(line, 0, line.length())) {
                skipped++;
                assertThat(hasAddress).as(line).isFalse();
            }
            String framed = "Jan Jansen\n" + line + "\nUtrecht";
            int from = framed.indexOf('\n') + 1;
            int to = framed.lastIndexOf('\n');
            assertThat(AddressStarts.mayFindIn(framed, from, to)).as(line)
                    .isEqualTo(AddressStarts.mayFindIn(line, 0, line.length()));
        }
        assertThat(found).isGreaterThan(500);
        assertThat(skipped).isGreaterThan(10_000);
        assertThat(AddressStarts.mayFindIn("Dorpsstraat 12", 0, 14)).isTrue();
        assertThat(AddressStarts.mayFindIn("Team Burgerzaken", 0, 16)).isFalse();
    }
}
