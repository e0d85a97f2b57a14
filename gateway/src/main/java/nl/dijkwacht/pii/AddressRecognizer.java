package nl.dijkwacht.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street name plus house number, with additions such as {@code 12a}, {@code 12-A}, {@code 20-I}, {@code 5 hs},
 * {@code 3 bis}, {@code 101-3}. The street is recognised by its ending (…straat, …laan, …weg, …gracht) or
 * a small set of stand-alone street words (Markt, Dam, Plein); multi-word names such as
 * {@code Willem de Zwijgerlaan} or {@code Burg. de Withstraat} are taken whole.
 */
public final class AddressRecognizer implements Recognizer {

    static final String SUFFIXES = "straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|park|pad|steeg|markt"
            + "|baan|ring|plantsoen|erf|veld|boulevard|wal|dam|haven|burcht|zoom|akker|gaarde|hoek|weide|kamp|stede"
            + "|donk|hout|oord|straatweg|allee|promenade|passage|galerij|kwartier|vliet|wetering|sloot|buurt|berg"
            + "|heuvel|bos|tuin|hoven|polder|dal|horst|rade|laantje|pleintje|straatje|steiger|werf|brink|esch|es"
            + "|meent|voorde|wijk|molen|lei|hage|rijn|waard|poort|veste|vaart|kant|zijde|gang|kwartier|singel";

    private static final String CAP_WORD = "(?:[A-Z][\\p{L}'’]*\\.?|[A-Z]\\.)";
    private static final String PARTICLE = "(?:van|de|der|den|het|'t|’t|ter|ten|te|op|aan|in|la|le|du|di|da)";
    private static final String NOT_LEADING = "(?!(?:Op|In|Aan|Naar|Bij|Via|Een|Mijn|Ons|Onze|Uw|Adres|Wonende|Woonachtig"
            + "|Tel|Per|Sinds|Vanaf|Tot|Voor|Langs|Over|Betreft|Locatie|Wij|Ik|Hij|Zij|Mevrouw|Meneer|Dhr|Mw|Zie|Graag"
            + "|En|Of|Postadres|Bezoekadres|Woonadres|Huisadres|Straat|Verhuisd|Verhuist|Thuis|Richting|Tussen|Achter)\\b)";
    private static final String STANDALONE = "(?:Markt|Dam|Plein|Brink|Vismarkt|Grote Markt|Oudegracht|Nieuwegracht)";

    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\d])("
                    + "(?:" + NOT_LEADING + CAP_WORD + " (?:" + PARTICLE + " |" + CAP_WORD + " ){0,3})?"
                    + "(?:[A-Z][\\p{L}'’-]*(?:" + SUFFIXES + ")|" + STANDALONE + "|[a-z]{2,}(?:straat|laan|weg|plein|gracht|kade|singel|dijk))"
                    + " [1-9]\\d{0,4}"
                    + "(?:(?:[ -]?(?:hs|huis|bis|bg|zw|rd|boven|beneden|I{1,3}|IV)(?![\\p{L}\\d]))|-[1-9]\\d{0,2}(?!\\d)|[ -]?[A-Za-z](?![\\p{L}\\d]))?"
                    + ")(?![\\p{L}\\d]|[:.,]\\d)");

    @Override
    public String name() {
        return "address";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            int start = m.start(1);
            int end = m.end(1);
            // a trailing single capital letter followed by more text may be the next sentence ("Kerkstraat 12 A")
            found.add(new Finding(EntityType.ADDRESS, start, end, 0.85, name()));
        }
        return found;
    }
}
