package nl.dijkwacht.limits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calendar day and month a token budget is charged in, in the policy's time zone: the text its bucket key ends in
 * ({@code 2026-12-05}, {@code 2026-12}) and the instant the period ends. Every request reserves and settles its budgets,
 * and the same day's answer was worked out anew each time (a zoned date-time, three dates, two texts, two instants per
 * budget); it is kept per zone for the day in hand and worked out anew only for an instant outside it.
 *
 * <p>A day is kept only when its zone has no offset change from its start to its end: then every instant in between
 * has that local date. On the few days with a change (daylight saving) each instant is worked out as before, so a
 * change that puts the local time back across midnight cannot give an instant the wrong date.
 */
final class CalendarPeriods {

    /** One local date's periods. */
    record Day(LocalDate date, String dayKey, Instant dayEnd, String monthKey, Instant monthEnd) {

        /** The periods of the local date of {@code at} in {@code zone}, worked out from the calendar. */
        static Day of(Instant at, ZoneId zone) {
            return of(at.atZone(zone).toLocalDate(), zone);
        }

        static Day of(LocalDate date, ZoneId zone) {
            LocalDate month = date.withDayOfMonth(1);
            return new Day(date, date.toString(), date.plusDays(1).atStartOfDay(zone).toInstant(),
                    month.toString().substring(0, 7), month.plusMonths(1).atStartOfDay(zone).toInstant());
        }
    }

    /** A kept day: every instant in [from, to) has its date. */
    private record Kept(long fromMillis, long toMillis, Day day) {
    }

    private final ConcurrentHashMap<ZoneId, Kept> kept = new ConcurrentHashMap<>();

    /** The periods of the local date of {@code at} in {@code zone}. */
    Day at(Instant at, ZoneId zone) {
        long millis = at.toEpochMilli();
        Kept day = kept.get(zone);
        if (day != null && millis >= day.fromMillis() && millis < day.toMillis()) {
            return day.day();
        }
        Day worked = Day.of(at, zone);
        Instant from = worked.date().atStartOfDay(zone).toInstant();
        ZoneOffsetTransition change = zone.getRules().nextTransition(from);
        if (!at.isBefore(from) && at.isBefore(worked.dayEnd())
                && (change == null || !change.getInstant().isBefore(worked.dayEnd()))) {
            kept.put(zone, new Kept(from.toEpochMilli(), worked.dayEnd().toEpochMilli(), worked));
        }
        return worked;
    }
}
