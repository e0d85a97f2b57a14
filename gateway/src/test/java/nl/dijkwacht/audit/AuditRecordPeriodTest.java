package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The day and month columns, kept for the last day asked for: the same texts the formatters give, in any order of days. */
class AuditRecordPeriodTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    @Test
    void dayAndMonthAreTheFormattersTextsWhicheverDayCameBefore() {
        String[] times = {
            "2026-12-04T20:15:30.123Z", "2026-12-04T23:59:59.999Z", "2026-12-05T00:00:00Z", "2026-12-04T00:00:00Z",
            "2026-11-30T23:59:59.999Z", "2026-12-31T23:59:59.999Z", "2027-01-01T00:00:00Z", "2024-02-29T12:00:00Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "1969-12-31T00:00:00Z", "2026-12-04T12:00:00Z",
        };
        for (String t : times) {
            Instant at = Instant.parse(t);
            AuditRecord r = Records.sample("trace-" + t, at);
            assertThat(r.periodDay()).as(t).isEqualTo(DAY.format(r.occurredAt()));
            assertThat(r.periodMonth()).as(t).isEqualTo(MONTH.format(r.occurredAt()));
            assertThat(r.periodDay()).as("asked again: " + t).isEqualTo(DAY.format(r.occurredAt()));
        }
    }
}
