package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IBAN of every country of the ISO 13616 registry (SEPA and beyond): compact or in groups of four, any case; the
 * country's length and mod-97 must hold.
 * Scans by hand rather than by regex so a grouped IBAN followed by more digits is cut at the country's length.
 */
public final class IbanRecognizer implements AnalysedTextRecognizer {

    /** IBAN lengths of the SEPA countries and territories (ISO 13616 registry). */
    private static final Map<String, Integer> SEPA_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21),
            Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23),
            Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("MC", 27), Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28),
            Map.entry("PT", 25), Map.entry("RO", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("VA", 22), Map.entry("AL", 28), Map.entry("MD", 24), Map.entry("ME", 22),
            Map.entry("MK", 19), Map.entry("RS", 22), Map.entry("GG", 22), Map.entry("JE", 22), Map.entry("IM", 22));

    /**
     * pii51: the other countries of the ISO 13616 registry, whose IBANs clients bring from abroad (a Turkish or
     * Ukrainian account in a payment list was not found: only SEPA countries were known). Mod-97 still decides.
     */
    private static final Map<String, Integer> OTHER_LENGTHS = Map.ofEntries(
            Map.entry("AE", 23), Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("BY", 28), Map.entry("CR", 22), Map.entry("DO", 28), Map.entry("EG", 29), Map.entry("FO", 18),
            Map.entry("GE", 22), Map.entry("GL", 18), Map.entry("GT", 28), Map.entry("IL", 23), Map.entry("IQ", 23),
            Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LC", 32),
            Map.entry("LY", 25), Map.entry("MR", 27), Map.entry("MU", 30), Map.entry("PK", 24), Map.entry("PS", 29),
            Map.entry("QA", 29), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("ST", 25),
            Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
            Map.entry("VG", 24), Map.entry("XK", 20));

    /** Both of the above: the length of an IBAN by its country code. */
    private static final Map<String, Integer> LENGTHS = lengths();

    private final IbanChecksum checksum = new IbanChecksum();

    @Override
    public String name() {
        return "iban";
    }

    /**
     * Tried only two characters before the start of a run of digits: an IBAN opens with two letters and two digits, so
     * its check digits always start a run ({@link AnalysedText#digitRunStarts}, which the pattern recognizers share).
     */
    @Override
    public List<Finding> find(AnalysedText analysed) {
        String text = analysed.text();
        List<Finding> found = new ArrayList<>();
        int n = text.length();
        int next = 0;
        for (int run : analysed.digitRunStarts()) {
            int i = run - 2;
            if (i < next || i + 15 > n) {
                continue;
            }
            if (!isLetter(text.charAt(i)) || !isLetter(text.charAt(i + 1)) || !isDigit(text.charAt(i + 3))) {
                continue;
            }
            if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
                continue;
            }
            String country = ("" + text.charAt(i) + text.charAt(i + 1)).toUpperCase(Locale.ROOT);
            Integer length = LENGTHS.get(country);
            if (length == null) {
                continue;
            }
            int end = scan(text, i, length);
            if (end < 0) {
                continue;
            }
            if (checksum.validate(text.substring(i, end)) == ChecksumValidator.Validity.VALID) {
                found.add(new Finding(EntityType.IBAN, i, end, 0.99, name(), "country code + per-country length", "checksum mod-97"));
                next = end;
            }
        }
        return found;
    }

    /** End offset after {@code length} alphanumerics (single spaces allowed between), or -1. */
    private static int scan(String text, int start, int length) {
        int count = 0;
        int i = start;
        while (i < text.length() && count < length) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                count++;
                i++;
            } else if ((c == ' ' || c == '-') && count >= 4 && i + 1 < text.length()
                    && Character.isLetterOrDigit(text.charAt(i + 1)) && text.charAt(i - 1) != ' '
                    && text.charAt(i - 1) != '-') {
                i++;
            } else {
                return -1;
            }
        }
        if (count < length) {
            return -1;
        }
        if (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            return -1;
        }
        return i;
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Map<String, Integer> lengths() {
        Map<String, Integer> all = new HashMap<>(SEPA_LENGTHS);
        all.putAll(OTHER_LENGTHS);
        return Map.copyOf(all);
    }

    @Override
    public Description describe() {
        return new Description(EntityType.IBAN, "hand-written scanner: country code, per-country length of all "
                + SEPA_LENGTHS.size() + " SEPA countries and territories and the " + OTHER_LENGTHS.size()
                + " other countries of the ISO 13616 registry (`TR`, `UA`, `SA`, …), checksum: " + checksum.name(),
                "compact, grouped by four with spaces or dashes, any case. A mistyped IBAN (bad check digits) is"
                        + " **not** reported.");
    }
}
