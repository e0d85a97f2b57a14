package nl.dijkwacht.pii;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Pathological texts for {@link WorstCaseRunner}: each generator fills about {@code size} characters with one shape
 * that the request path's regular expressions and hand-written scans read specially (runs of digits, separators,
 * spaces, '@', brackets, letter-spaced text, table pipes, line breaks, hyphenated line ends, capitalised names,
 * address lines, placeholder-like tokens, long words, alternating scripts, encoded '@', near-IBANs, near-BSNs,
 * postcodes …). None of them is a realistic letter; every one is something a tool can send.
 */
public final class WorstCaseInputs {

    private WorstCaseInputs() {
    }

    /** Name → generator, in a fixed order. */
    public static Map<String, IntFunction<String>> all() {
        Map<String, IntFunction<String>> g = new LinkedHashMap<>();
        g.put("digits", n -> "7".repeat(n));
        g.put("digits-spaced", n -> fill("1 2 3 4 5 6 7 8 9 0 ", n));
        g.put("digits-dotted", n -> fill("12.34.56.78.90.", n));
        g.put("digits-dashed", n -> fill("06-12-34-56-78-", n));
        g.put("digit-groups-spaced", n -> fill("111 222 333 444 ", n));
        g.put("digits-mixed-sep", n -> fill("1 - 2 . 3 _ 4 / ", n));
        g.put("spaces", n -> "a" + " ".repeat(n - 2) + "b");
        g.put("spaces-tabs", n -> fill(" \t ", n) + "x");
        g.put("at-signs", n -> "@".repeat(n));
        g.put("a-at", n -> fill("a@", n));
        g.put("dots", n -> ".".repeat(n));
        g.put("a-dot", n -> fill("a.", n));
        g.put("brackets", n -> fill("([{<>}])", n));
        g.put("at-bracketed", n -> fill("jan (at) ", n));
        g.put("dot-bracketed", n -> fill("x (dot) ", n));
        g.put("email-like-local", n -> fill("a.b_c%d+e-", n) + "@x");
        g.put("email-many-labels", n -> "jan@" + fill("ab-c.", n) + "nl");
        g.put("email-obfuscated-labels", n -> "jan (at) " + fill("ab (dot) ", n) + "nl");
        g.put("email-spoken-labels", n -> "jan at " + fill("ab dot ", n) + "nl");
        g.put("nickname-particles", n -> "Jan 'Hans' " + fill("van ", n) + "Berg");
        g.put("encoded-at", n -> fill("&#64;", n));
        g.put("encoded-at-words", n -> fill("jan&#64;x ", n));
        g.put("letter-spaced", n -> fill("J a n s e n ", n));
        g.put("letter-spaced-digits", n -> fill("0 6 1 2 ", n));
        g.put("table-pipes", n -> fill("| ", n));
        g.put("table-rows", n -> fill("| Jan | 06-12345678 | 1234 AB |\n", n));
        g.put("table-empty-cells", n -> fill("|||||||||\n", n));
        g.put("line-breaks", n -> "\n".repeat(n));
        g.put("crlf", n -> fill("\r\n", n));
        g.put("short-lines", n -> fill("a\n", n));
        g.put("digit-lines", n -> fill("06 47\n", n));
        g.put("hyphen-line-ends", n -> fill("Wolt-\n", n));
        g.put("hyphen-digit-ends", n -> fill("12-\n", n));
        g.put("capitalised-words", n -> fill("Jan Piet Klaas Willem ", n));
        g.put("capitalised-no-space", n -> fill("JanPietKlaas", n));
        g.put("name-particles", n -> fill("van der de ten ", n));
        g.put("initials", n -> fill("J. ", n));
        g.put("aan-lines", n -> fill("Aan\n", n));
        g.put("tav-lines", n -> fill("t.a.v. de heer ", n));
        g.put("address-lines", n -> fill("Dorpsstraat 1\n", n));
        g.put("street-words", n -> fill("straat laan weg ", n));
        g.put("placeholders", n -> fill("[EMAIL_1]", n));
        g.put("placeholders-mangled", n -> fill("[email 12] ", n));
        g.put("open-brackets-upper", n -> fill("[PERSOON", n));
        g.put("long-word", n -> "a".repeat(n));
        g.put("long-capital-word", n -> "A" + "b".repeat(n - 1));
        g.put("upper-word", n -> "A".repeat(n));
        g.put("ocr-letters", n -> fill("O0lI1S5B8", n));
        g.put("alternating-scripts", n -> fill("aа", n)); // Latin a, Cyrillic а
        g.put("combining-marks", n -> "e" + "\u0301".repeat(n - 1));
        g.put("digit-combining", n -> fill("1\u0301", n));
        g.put("zero-width", n -> fill("a\u200B", n));
        g.put("fullwidth-digits", n -> fill("１２３", n));
        g.put("near-iban", n -> fill("NL91ABNA041716430 ", n));
        g.put("near-iban-glued", n -> fill("NL91ABNA", n));
        g.put("near-bsn", n -> fill("11122233 ", n));
        g.put("bsn-keyword", n -> fill("BSN 1112 ", n));
        g.put("postcodes", n -> fill("1234 AB ", n));
        g.put("postcode-glued", n -> fill("1234AB", n));
        g.put("phone-prefix", n -> fill("+31 ", n));
        g.put("dates", n -> fill("12-03-1980 ", n));
        g.put("birth-cues", n -> fill("geboren op ", n));
        g.put("labels", n -> fill("Naam: \n", n));
        g.put("label-values", n -> fill("Naam: Jan\nBSN: 1\n", n));
        g.put("json-like", n -> fill("{\"naam\":\"", n));
        g.put("mrz", n -> fill("P<NLD<<<<<", n));
        g.put("plates", n -> fill("AB-12-", n));
        g.put("ipv6", n -> fill("2001:db8:", n));
        g.put("comma-names", n -> fill("Jansen, J., ", n));
        g.put("list-items", n -> fill("- Jan\n", n));
        g.put("chat-names", n -> fill("Jan: hoi\n", n));
        g.put("mixed-letter", n -> PiiEngineBenchmark.text(n));
        // pii28's search (WorstCaseSearch): capitalised words on one endless line, each walked back to its start
        g.put("comma-places", n -> fill("Dalfsen, ", n));
        g.put("digits-glued-name", n -> fill("123456782Jansen", n));
        g.put("pipe-names", n -> fill(" | Jan | ", n));
        g.put("capitals-label", n -> fill("JANSEN Naam:", n));
        g.put("at-name", n -> fill("jan@Jansen", n));
        return g;
    }

    /** {@code unit} repeated to exactly {@code size} characters (the last copy cut). */
    public static String fill(String unit, int size) {
        StringBuilder b = new StringBuilder(size + unit.length());
        while (b.length() < size) {
            b.append(unit);
        }
        b.setLength(size);
        return b.toString();
    }
}
