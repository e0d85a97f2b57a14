package nl.dijkwacht.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kept day of {@link CalendarPeriods} gives, for every instant, the key texts and period ends that the calendar
 * worked out anew gives (the earlier code, kept below verbatim) — in zones with daylight saving at night, at midnight
 * (and back across it), half-hour changes, a skipped day, and none; instants in order, out of order and at the edges.
 */
class CalendarPeriodsTest {

    private static final String[] ZONES = {"Europe/Amsterdam", "UTC", "America/Santiago", "America/Havana", "Asia/Tehran",
        "Australia/Lord_Howe", "Pacific/Apia", "America/Sao_Paulo", "Asia/Beirut", "Africa/Casablanca"};

    /** The earlier code in CallerLimits: the key's period text and the period's end, worked out per charge. */
    private static String[] earlier(Instant at, ZoneId zone, boolean daily) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate start = daily ? local.toLocalDate() : local.toLocalDate().withDayOfMonth(1);
        LocalDate next = daily ? start.plusDays(1) : start.plusMonths(1);
        String key = daily ? start.toString() : start.toString().substring(0, 7);
        return new String[] {key, next.atStartOfDay(zone).toInstant().toString()};
    }

    private static void assertAsEarlier(CalendarPeriods periods, Instant at, ZoneId zone) {
        CalendarPeriods.Day day = periods.at(at, zone);
        assertThat(new String[] {day.dayKey(), day.dayEnd().toString()}).as("%s in %s, day", at, zone)
                .isEqualTo(earlier(at, zone, true));
        assertThat(new String[] {day.monthKey(), day.monthEnd().toString()}).as("%s in %s, month", at, zone)
                .isEqualTo(earlier(at, zone, false));
    }

    @Test
    void everyInstantGetsTheCalendarsPeriods() {
        Random random = new Random(40);
        for (String name : ZONES) {
            ZoneId zone = ZoneId.of(name);
            CalendarPeriods periods = new CalendarPeriods();
            // in order, 17 minutes apart, over years with every kind of change (Apia skipped 2011-12-30)
            for (Instant at = Instant.parse("2011-01-01T00:00:00Z"); at.isBefore(Instant.parse("2013-01-01T00:00:00Z"));
                    at = at.plus(Duration.ofMinutes(17))) {
                assertAsEarlier(periods, at, zone);
            }
            // out of order, to the nanosecond, around the kept day's edges
            for (int i = 0; i < 20_000; i++) {
                Instant at = Instant.parse("2010-01-01T00:00:00Z").plusSeconds(random.nextLong(600L * 24 * 3600 * 30))
                        .plusNanos(random.nextInt(1_000_000_000));
                assertAsEarlier(periods, at, zone);
                CalendarPeriods.Day day = periods.at(at, zone);
                assertAsEarlier(periods, day.dayEnd(), zone);
                assertAsEarlier(periods, day.dayEnd().minusNanos(1), zone);
                assertAsEarlier(periods, day.dayEnd().minusMillis(1), zone);
            }
        }
    }

    @Test
    void aDayIsWorkedOutOnceForItsRequests() {
        CalendarPeriods periods = new CalendarPeriods();
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        CalendarPeriods.Day first = periods.at(Instant.parse("2026-12-05T01:00:00Z"), zone);
        assertThat(periods.at(Instant.parse("2026-12-05T22:59:59.999Z"), zone)).isSameAs(first);
        assertThat(periods.at(Instant.parse("2026-12-05T23:00:00Z"), zone).dayKey()).isEqualTo("2026-12-06");
    }
}
