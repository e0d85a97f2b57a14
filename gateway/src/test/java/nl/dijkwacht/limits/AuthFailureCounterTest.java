package nl.dijkwacht.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Failed authentications are counted in memory, bounded, and written once per closed minute (H2 with the V40 table). */
class AuthFailureCounterTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T09:14:10Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private JdbcTemplate jdbc;
    private AuthFailureStore store;

    @BeforeEach
    void database() throws Exception {
        jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:auth-failures-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V40__auth_failure_minute.sql")));
        store = new AuthFailureStore(jdbc, "replica-a");
    }

    @Test
    void aFloodFromAHundredThousandSourcesHoldsAFewCountersAndWritesAFewRows() {
        try (AuthFailureCounter counter = new AuthFailureCounter(store, clock, 1_000, Duration.ofDays(90), Duration.ZERO)) {
            for (int i = 0; i < 100_000; i++) {
                counter.count("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), "unauthorized");
            }
            assertThat(counter.heldCounters()).isEqualTo(1_001);
            counter.flush(false);
            assertThat(rows()).isZero(); // the minute is still open
            now.set(Instant.parse("2026-03-02T09:15:06Z"));
            counter.flush(false);
            assertThat(rows()).isEqualTo(1_001);
            assertThat(counter.heldCounters()).isZero();
            var sources = store.sources(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"), 5);
            assertThat(sources.getFirst().source()).isEqualTo(AuthFailureCounter.OTHER);
            assertThat(sources.getFirst().attempts()).isEqualTo(99_000);
        }
    }

    @Test
    void replicasAddUpAndOldRowsAreDeleted() {
        AuthFailureStore other = new AuthFailureStore(jdbc, "replica-b");
        try (AuthFailureCounter a = new AuthFailureCounter(store, clock, 100, Duration.ofDays(90), Duration.ZERO);
             AuthFailureCounter b = new AuthFailureCounter(other, clock, 100, Duration.ofDays(90), Duration.ZERO)) {
            for (int i = 0; i < 3; i++) {
                a.count("203.0.113.7", "unauthorized");
            }
            b.count("203.0.113.7", "unauthorized");
            b.count("203.0.113.7", "Ongeldig! reden");
            now.set(now.get().plus(Duration.ofMinutes(1)));
            a.flush(false);
            b.flush(false);
            var minutes = store.minutes(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"), "203.0.113.7", 10);
            assertThat(minutes).extracting(r -> r.reason() + "=" + r.attempts()).containsExactly("unauthorized=4", "other=1");
            assertThat(minutes.getFirst().minute()).isEqualTo(Instant.parse("2026-03-02T09:14:00Z"));

            now.set(now.get().plus(Duration.ofDays(91)));
            a.count("198.51.100.1", "unauthorized");
            a.flush(true);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM auth_failure_minute WHERE source = '203.0.113.7'", Long.class)).isZero();
        }
    }

    private long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM auth_failure_minute", Long.class);
    }
}
