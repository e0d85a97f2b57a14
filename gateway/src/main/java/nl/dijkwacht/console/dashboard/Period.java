package nl.dijkwacht.console.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The dashboard's period: the last day (24 hours), week or month (30 days), or a custom range of whole days (UTC).
 * An invalid custom range falls back to the last week with a message, rather than an error page.
 */
record Period(String choice, Instant from, Instant to, LocalDate fromDate, LocalDate toDate, String problem) {

    static final long MAX_CUSTOM_DAYS = 800;

    static Period of(String choice, String from, String to, Clock clock) {
        Instant now = clock.instant();
        Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        String c = choice == null ? "week" : choice;
        return switch (c) {
            case "dag" -> last("dag", end, Duration.ofHours(24));
            case "maand" -> last("maand", end, Duration.ofDays(30));
            case "aangepast" -> custom(from, to, end);
            default -> last("week", end, Duration.ofDays(7));
        };
    }

    private static Period last(String choice, Instant end, Duration span) {
        Instant start = end.minus(span);
        return new Period(choice, start, end, day(start), day(end.minusMillis(1)), null);
    }

    private static Period custom(String from, String to, Instant end) {
        try {
            LocalDate f = LocalDate.parse(from);
            LocalDate t = LocalDate.parse(to);
            if (t.isBefore(f)) {
                return fallback(end, "De einddatum ligt vóór de begindatum; de afgelopen week wordt getoond.");
            }
            if (ChronoUnit.DAYS.between(f, t) > MAX_CUSTOM_DAYS) {
                return fallback(end, "Kies een periode van hooguit " + MAX_CUSTOM_DAYS + " dagen; de afgelopen week wordt getoond.");
            }
            return new Period("aangepast", f.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    t.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), f, t, null);
        } catch (DateTimeParseException | NullPointerException e) {
            return fallback(end, "Geef begin- en einddatum als jjjj-mm-dd; de afgelopen week wordt getoond.");
        }
    }

    private static Period fallback(Instant end, String problem) {
        Period week = last("week", end, Duration.ofDays(7));
        return new Period("week", week.from(), week.to(), week.fromDate(), week.toDate(), problem);
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
