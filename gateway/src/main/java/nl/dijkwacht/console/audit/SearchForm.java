package nl.dijkwacht.console.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.audit.query.AuditFilter;

/**
 * The audit search form as posted (never in a URL: "user" names a staff member). Turned into an {@link AuditFilter}
 * at once, with the staff id replaced by its keyed pseudonym, exactly as the auditor API does.
 */
public record SearchForm(String from, String to, String useCase, String model, String decision, String rule,
                         String entityType, String department, String user, String actor, String traceId) {

    public static SearchForm empty() {
        return new SearchForm(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** @throws IllegalArgumentException with a Dutch message for a date that is not yyyy-mm-dd */
    public AuditFilter toFilter(Pseudonymizer pseudonymizer) {
        String pseudonym = blank(user) ? clean(actor) : pseudonymizer.pseudonym(user.strip());
        return new AuditFilter(date(from, false), date(to, true), pseudonym, clean(department), null, clean(useCase),
                clean(model), clean(decision), clean(rule), clean(entityType), clean(traceId));
    }

    private static Instant date(String value, boolean end) {
        if (blank(value)) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Geef een datum als jjjj-mm-dd (bijvoorbeeld 2026-03-01).");
        }
    }

    private static String clean(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
