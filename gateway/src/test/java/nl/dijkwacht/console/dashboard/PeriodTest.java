package nl.dijkwacht.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The dashboard's periods: day, week, month and a custom range of whole days; a bad range says why and shows a week. */
class PeriodTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T14:25:00Z"), ZoneOffset.UTC);

    @Test
    void dayWeekAndMonthEndAtTheNextWholeHour() {
        Instant end = Instant.parse("2026-03-10T15:00:00Z");
        assertThat(Period.of("dag", null, null, CLOCK)).satisfies(p -> {
            assertThat(p.to()).isEqualTo(end);
            assertThat(p.from()).isEqualTo(Instant.parse("2026-03-09T15:00:00Z"));
        });
        assertThat(Period.of("week", null, null, CLOCK).from()).isEqualTo(Instant.parse("2026-03-03T15:00:00Z"));
        assertThat(Period.of(null, null, null, CLOCK).choice()).as("default").isEqualTo("week");
        assertThat(Period.of("maand", null, null, CLOCK).from()).isEqualTo(Instant.parse("2026-02-08T15:00:00Z"));
    }

    @Test
    void aCustomRangeCoversWholeDaysBothIncluded() {
        Period p = Period.of("aangepast", "2026-01-01", "2026-01-31", CLOCK);
        assertThat(p.choice()).isEqualTo("aangepast");
        assertThat(p.problem()).isNull();
        assertThat(p.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(p.fromDate()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(p.toDate()).isEqualTo(LocalDate.of(2026, 1, 31));
    }

    @Test
    void aBadCustomRangeShowsTheLastWeekAndSaysWhyInDutch() {
        assertThat(Period.of("aangepast", "2026-02-01", "2026-01-01", CLOCK)).satisfies(p -> {
            assertThat(p.choice()).isEqualTo("week");
            assertThat(p.problem()).contains("einddatum ligt vóór de begindatum");
        });
        assertThat(Period.of("aangepast", "1-1-2026", "2026-01-31", CLOCK).problem()).contains("jjjj-mm-dd");
        assertThat(Period.of("aangepast", null, null, CLOCK).problem()).contains("jjjj-mm-dd");
        assertThat(Period.of("aangepast", "2020-01-01", "2026-01-01", CLOCK).problem()).contains("hooguit 800 dagen");
    }
}
