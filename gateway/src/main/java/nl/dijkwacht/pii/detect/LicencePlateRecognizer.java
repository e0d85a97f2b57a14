package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import nl.dijkwacht.words.Letters;

/**
 * Dutch licence plates, sidecodes 1 to 14 (e.g. {@code XX-99-99}, {@code 99-XXX-9}, {@code X-999-XX}).
 * Written with dashes they are recognised anywhere; without dashes ({@code 12ABC3}) only next to
 * "kenteken". All-digit groups (dates such as 12-03-24) are never a plate.
 */
public final class LicencePlateRecognizer implements AnalysedTextRecognizer {

    private static final String L = "[A-Z]";
    /** The 14 sidecodes, with ~ where the dash goes. */
    private static final String SIDECODES_TEMPLATE =
            L + "{2}~\\d{2}~\\d{2}|\\d{2}~\\d{2}~" + L + "{2}|\\d{2}~" + L + "{2}~\\d{2}|"
                    + L + "{2}~\\d{2}~" + L + "{2}|" + L + "{2}~" + L + "{2}~\\d{2}|\\d{2}~" + L + "{2}~" + L + "{2}|"
                    + "\\d{2}~" + L + "{3}~\\d|\\d~" + L + "{3}~\\d{2}|" + L + "{2}~\\d{3}~" + L + "|"
                    + L + "~\\d{3}~" + L + "{2}|" + L + "{3}~\\d{2}~" + L + "|" + L + "~\\d{2}~" + L + "{3}|"
                    + "\\d~" + L + "{2}~\\d{3}|\\d{3}~" + L + "{2}~\\d";

    private static final String SIDECODES = SIDECODES_TEMPLATE.replace("~", "-");

    private static final Pattern WITH_DASHES = Pattern.compile(
            "(?<![\\p{L}\\d-])(" + SIDECODES + ")(?![\\p{L}\\d]|-[\\p{L}\\d])");
    private static final Pattern ANY_CASE_WITH_DASHES = Pattern.compile(
            "(?i)(?<![\\p{L}\\d-])(" + SIDECODES + ")(?![\\p{L}\\d]|-[\\p{L}\\d])");
    private static final Pattern COMPACT = Pattern.compile(
            "(?i)(?<![\\p{L}\\d-])((?=[A-Z0-9]{6}(?![\\p{L}\\d]))(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\\d)[A-Z0-9]{6})(?![\\p{L}\\d])");
    private static final Pattern COMPACT_SHAPE = Pattern.compile(
            SIDECODES_TEMPLATE.replace("~", ""));
    private static final ContextEnhancer CONTEXT = ContextEnhancer.of("/pii/context/licence-plate.txt", 40, 0);

    @Override
    public String name() {
        return "licence-plate";
    }

    @Override
    public List<Finding> find(AnalysedText analysed) {
        String text = analysed.text();
        List<Finding> found = new ArrayList<>();
        for (MatchResult m : CandidateScan.matches(WITH_DASHES, text, dashedStarts(text))) {
            found.add(new Finding(EntityType.LICENCE_PLATE, m.start(1), m.end(1), 0.9, name(), "sidecode with dashes", ""));
        }
        String lower = analysed.lower();
        if (!CONTEXT.mentionedAnywhere(analysed)) {
            return found;
        }
        for (MatchResult c : CandidateScan.matches(ANY_CASE_WITH_DASHES, text, analysed.tokenStarts())) {
            boolean known = false;
            for (Finding f : found) {
                known |= f.start() == c.start(1);
            }
            ContextEnhancer.Cue cue = known ? null : CONTEXT.cue(lower, c.start(1), c.end(1));
            if (!known && cue.signal() == ContextEnhancer.Signal.POSITIVE) {
                found.add(new Finding(EntityType.LICENCE_PLATE, c.start(1), c.end(1), 0.85, name(),
                        "sidecode with dashes, any case", cue.describe()));
            }
        }
        for (MatchResult c : CandidateScan.matches(COMPACT, text, analysed.tokenStarts())) {
            String v = c.group(1).toUpperCase(Locale.ROOT);
            if (!COMPACT_SHAPE.matcher(v).matches()) {
                continue;
            }
            ContextEnhancer.Cue cue = CONTEXT.cue(lower, c.start(1), c.end(1));
            if (cue.signal() == ContextEnhancer.Signal.POSITIVE) {
                found.add(new Finding(EntityType.LICENCE_PLATE, c.start(1), c.end(1), 0.85, name(),
                        "sidecode without dashes", cue.describe()));
            }
        }
        return found;
    }

    /**
     * Word starts with a capital or digit, not after a dash, where eight characters of capitals, digits and exactly two
     * dashes begin: every sidecode is six capitals or digits in three groups, so "06-12345678" and "API-gateway" are
     * not tried (regex20). Found from the text's dashes (a sidecode's first dash is one to three characters after its
     * start), each offset looked at once and in order: a text without dashes costs one {@code indexOf}, where the
     * token starts of the whole text were worked out first (pii22: 3 % of the harness request's detection).
     */
    static int[] dashedStarts(String text) {
        int[] out = null;
        int count = 0;
        int next = 0; // offsets before it were looked at
        for (int dash = text.indexOf('-'); dash >= 0; dash = text.indexOf('-', dash + 1)) {
            for (int i = Math.max(next, dash - 3); i < dash; i++) {
                if (capitalOrDigit(text.charAt(i)) && (i == 0 || !Letters.letterOrDigit(text.charAt(i - 1))
                        && text.charAt(i - 1) != '-') && plateShaped(text, i)) {
                    if (out == null) {
                        out = new int[4];
                    } else if (count == out.length) {
                        out = Arrays.copyOf(out, count * 2);
                    }
                    out[count++] = i;
                }
            }
            next = Math.max(next, dash);
        }
        return out == null ? new int[0] : Arrays.copyOf(out, count);
    }

    private static boolean capitalOrDigit(char c) {
        return c >= 'A' && c <= 'Z' || CandidateScan.isDigit(c);
    }

    /** Eight characters from {@code i}: capitals and digits with exactly two dashes, the first within three. */
    private static boolean plateShaped(String text, int i) {
        if (i + 8 > text.length() || text.charAt(i + 7) == '-'
                || text.charAt(i + 1) != '-' && text.charAt(i + 2) != '-' && text.charAt(i + 3) != '-') {
            return false;
        }
        int dashes = 0;
        for (int k = i; k < i + 8; k++) {
            char c = text.charAt(k);
            if (c == '-') {
                dashes++;
            } else if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return dashes == 2;
    }

    @Override
    public Description describe() {
        return new Description(EntityType.LICENCE_PLATE,
                "Dutch sidecodes 1–14 in capitals with dashes anywhere; without dashes or in lower case only next to"
                        + " `kenteken`",
                "all-digit groups (`12-03-24`) are never a plate. Context: " + CONTEXT.describe() + ".");
    }
}
