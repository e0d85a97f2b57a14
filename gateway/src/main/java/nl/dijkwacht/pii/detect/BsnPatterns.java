package nl.dijkwacht.pii.detect;

/**
 * The BSN recognizer: nine digits that pass the elfproef, in the groupings people copy them in, and the labels
 * that rule a passing number in or out.
 */
public final class BsnPatterns {

    private BsnPatterns() {
    }

    /**
     * BSN: nine digits that pass the elfproef. About one in eleven random nine-digit numbers passes too, and so do
     * RSINs, so the nearest label decides; an unlabelled passing number is reported (fail safe).
     */
    public static Recognizer bsn() {
        return PatternRecognizer.builder("bsn", EntityType.BSN)
                .context(ContextEnhancer.of("/pii/context/bsn.txt", 60, 30))
                .pattern("nine digits, also grouped 4-2-3 or 3-3-3 by `.`, space or `-`, or 5-4 by a space",
                        "(?<![\\p{L}\\d.,€/-])(\\d{4}([. -])\\d{2}\\2\\d{3}|\\d{3}([. -])\\d{3}\\3\\d{3}|\\d{9}|\\d{5} \\d{4})"
                                + "(?![\\d]|[.,-]\\d|\\p{L})", 4, 3, 9, 5)
                .pattern("nine digits in two to four groups by one separator, as people copy them (`1234.567.82`,"
                                + " `1234 5678 2`, `12345 67 82`, `1234-567-82`)",
                        "(?<![\\p{L}\\d.,€/-])(?<!\\d[ .-])"
                                + "(?!\\d{4}(?:\\.\\d{2}\\.| \\d{2} |-\\d{2}-)\\d{3}(?!\\d)"
                                + "|\\d{3}(?:\\.\\d{3}\\.| \\d{3} |-\\d{3}-)\\d{3}(?!\\d)|\\d{5} \\d{4}(?!\\d))"
                                + "(\\d{1,5}([. -])\\d{1,5}(?:\\2\\d{1,5}){0,2})"
                                + "(?!\\d|\\2\\d|[.,-]\\d|\\p{L})", PatternRecognizer.Start.GROUPED_DIGIT_RUN)
                .pattern("nine digits in groups with a double space among the single ones (`9999  24 680`, typed or"
                                + " copied from a form's boxes); only with a positive cue",
                        "(?<![\\p{L}\\d.,€/-])(?<!\\d {1,3})"
                                + "(\\d{3,5}(?: \\d{1,5}){0,2}  {1,2}\\d{1,5}(?: {1,3}\\d{1,5}){0,2})"
                                + "(?! {0,3}\\d|[.,-]\\d|\\p{L})", 3, 4, 5)
                // the label itself is the cue here, and a path's folder names are no labels of the number in it
                .context(null)
                .pattern("nine digits with a BSN label glued on (`BSN111222333`, `bsn-nummer111222333`)",
                        "(?<=(?<![\\p{L}\\d])(?i:bsn)(?:-?nummer|-?nr)?)(\\d{9})(?![\\d]|[.,-]\\d|\\p{L})",
                        PatternRecognizer.Start.DIGIT_RUN)
                .pattern("nine digits as a folder or file name in a path (`D:\\dossiers\\111222333\\brief.pdf`)",
                        "(?<=[\\p{L}\\d:.\\-_ ][/\\\\])(\\d{9})(?=[/\\\\]\\S|\\.\\p{L}{2,4}(?![\\p{L}\\d]))",
                        PatternRecognizer.Start.DIGIT_RUN)
                .checksum(new Elfproef())
                .veto("dotted numbers not opened by four digits (`123.456.782` amount style, `10.20.130.45` an IP"
                                + " address), `12345 6782`, `99992 61 96` (a scanned form's boxes), a number with a double space and a number in a file"
                                + " name (`beschikking_123456782.pdf`) only count with a positive cue.",
                        c -> ((c.value().indexOf('.') >= 0 && c.value().indexOf('.') != 4) || c.value().indexOf(' ') == 5
                                || c.value().contains("  ") || inFileName(c.lower(), c.start(), c.end()))
                                && c.cue().signal() != ContextEnhancer.Signal.POSITIVE)
                .scores(0.95, 0.6, 0.2)
                .threshold(0.5)
                .note("An elfproef-passing number with a negative label is not reported, an unlabelled one is (fail"
                        + " safe); `NL…B01` (btw-id) never matches.")
                .build();
    }

    private static final java.util.regex.Pattern FILE_EXTENSION =
            java.util.regex.Pattern.compile("\\.(?:pdf|docx?|xlsx?|odt|ods|csv|txt|jpe?g|png|tiff?|msg|eml|zip|xml|json)\\b");

    /** "beschikking_123456782.pdf", "scan-123456782.jpg": the number is glued by {@code _} or is followed by an extension. */
    static boolean inFileName(String lower, int start, int end) {
        if (start > 0 && (lower.charAt(start - 1) == '/' || lower.charAt(start - 1) == '\\')
                && (end == lower.length() || lower.charAt(end) != '_')) {
            return false;
        }
        return start > 0 && lower.charAt(start - 1) == '_' || end < lower.length() && lower.charAt(end) == '_'
                || end < lower.length() && lower.charAt(end) == '.'
                        && FILE_EXTENSION.matcher(lower).region(end, Math.min(lower.length(), end + 6)).lookingAt();
    }
}
