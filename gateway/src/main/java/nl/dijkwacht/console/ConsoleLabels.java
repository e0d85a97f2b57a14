package nl.dijkwacht.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Dutch words for the stored machine values, used by the templates as {@code ${@labels.decision(…)}}. */
@Component("labels")
public class ConsoleLabels {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss 'UTC'", Locale.forLanguageTag("nl"))
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.forLanguageTag("nl"))
            .withZone(ZoneId.of("Europe/Amsterdam"));

    private static final Map<String, String> DECISIONS = Map.of(
            "allowed", "doorgelaten",
            "redacted", "persoonsgegevens vervangen",
            "rerouted", "omgeleid",
            "refused", "geweigerd",
            "failed", "mislukt");

    private static final Map<String, String> COMPLAINT_STATUS = Map.of(
            "open", "nieuw",
            "in_progress", "in behandeling",
            "upheld", "gegrond",
            "rejected", "ongegrond",
            "withdrawn", "ingetrokken");

    private static final Map<String, String> REVIEW_OUTCOMES = Map.of(
            "accepted", "ongewijzigd overgenomen",
            "edited", "aangepast",
            "rejected", "afgewezen");

    /** What a use-case does with a kind of personal data (pii operators in the policy YAML), with the YAML word. */
    private static final Map<String, String> PII_OPERATORS = Map.of(
            "pseudonymise", "pseudonimiseren, teruggezet in het antwoord (pseudonymise)",
            "redact", "weglakken (redact)",
            "hash", "vervangen door een gesleutelde hash (hash)",
            "block", "verzoek weigeren (block)",
            "allow", "ongewijzigd doorlaten (allow)");

    private static final Map<String, String> DIMENSIONS = Map.of(
            "model", "model", "use_case", "toepassing", "department", "afdeling");

    public String decision(String value) {
        return value == null ? "" : DECISIONS.getOrDefault(value, value);
    }

    public String complaintStatus(String value) {
        return value == null ? "" : COMPLAINT_STATUS.getOrDefault(value, value);
    }

    public String complaintKind(String value) {
        return "objection".equals(value) ? "bezwaar van een inwoner" : "error_report".equals(value) ? "foutmelding" : value;
    }

    public String reviewOutcome(String value) {
        return value == null ? "" : REVIEW_OUTCOMES.getOrDefault(value, value);
    }

    /** The operator a use-case applies to a finding, in Dutch with its policy word; {@code –} for none. */
    public String piiOperator(String value) {
        return value == null ? "–" : PII_OPERATORS.getOrDefault(value, value);
    }

    public String dimension(String value) {
        return DIMENSIONS.getOrDefault(value, value);
    }

    /** A stored time in UTC, as the audit trail keeps it. */
    public String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** A time the report carries as ISO-8601 text ({@code generated_at}), shown like {@link #utc(Instant)}. */
    public String utcText(String iso) {
        return iso == null || iso.isBlank() ? "" : UTC.format(Instant.parse(iso));
    }

    /** A time for people in the Netherlands (Europe/Amsterdam), e.g. in the review queue. */
    public String local(Instant instant) {
        return instant == null ? "" : LOCAL.format(instant);
    }

    public String share(Double share) {
        return share == null ? "–" : String.format(Locale.forLanguageTag("nl"), "%.1f%%", share * 100);
    }

    /**
     * A value a tool, a token or an operator chose, as the console shows it: the invisible characters that make text
     * display as something else are written out as {@code [U+202E]} (Trojan Source: bidi embeddings, overrides,
     * isolates and marks; zero-width spaces, word joiners, invisible operators, the byte-order mark; tag characters, the
     * soft hyphen and control characters: {@link #invisible}). Joiners that
     * emoji and scripts need (U+200C, U+200D) and combining marks stay. The stored value is not changed; a filter
     * field keeps the value itself.
     */
    public String shown(Object value) {
        return value == null ? null : visible(value.toString());
    }

    /** {@link #shown(Object)} for Java callers (the dashboard's chart data). */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (invisible(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append("[U+").append(String.format("%04X", c)).append(']');
            } else if (out != null) {
                out.append(text, i, next);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /** Several values joined by {@code ", "}, each {@link #shown(Object)}. */
    public String shownList(java.util.Collection<?> values) {
        return values == null ? "" : values.stream().map(this::shown).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * Format characters (Unicode's Cf: the bidi controls, zero-width spaces, word joiners, invisible operators, the
     * byte-order mark, the soft hyphen, tag characters U+E0000–E007F) other than the two joiners, and control
     * characters other than tab, line feed and carriage return (review44: tags and controls showed as nothing).
     */
    static boolean invisible(int c) {
        return switch (Character.getType(c)) {
            case Character.FORMAT -> c != '\u200C' && c != '\u200D';
            case Character.CONTROL -> c != '\t' && c != '\n' && c != '\r';
            default -> false;
        };
    }

    public String number(Number n) {
        if (n == null) {
            return "";
        }
        if (n instanceof Double || n instanceof Float) {
            return String.format(Locale.forLanguageTag("nl"), "%,.3f", n.doubleValue());
        }
        return String.format(Locale.forLanguageTag("nl"), "%,d", n.longValue());
    }
}
