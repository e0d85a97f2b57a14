package nl.dijkwacht.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The limit before authentication: attempts per source, given back by a caller who authenticates, and a limit changed
 * by a reload taking effect at once — with its bucket configuration built once per limit, not on every request.
 */
class SourceGuardTest {

    @Test
    void attemptsAreLimitedPerSourceGivenBackAndFollowAReloadedLimitWithOneConfigurationPerLimit() throws Exception {
        AtomicLong perMinute = new AtomicLong(3);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:source-guard-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V40__auth_failure_minute.sql")));
        try (BucketStore buckets = BucketStore.inMemory(100);
             AuthFailureCounter failures = new AuthFailureCounter(new AuthFailureStore(jdbc, "test"), Clock.systemUTC(), 100,
                     Duration.ofDays(1), Duration.ZERO)) {
            SourceGuard guard = new SourceGuard(buckets, perMinute::get, failures);

            for (int i = 0; i < 3; i++) {
                assertThat(guard.admit("203.0.113.1").admitted()).isTrue();
            }
            assertThat(guard.admit("203.0.113.1").admitted()).isFalse();
            assertThat(guard.admit("203.0.113.2").admitted()).as("another source").isTrue();
            guard.giveBack("203.0.113.1");
            assertThat(guard.admit("203.0.113.1").admitted()).as("an attempt given back").isTrue();

            var three = guard.configuration(3);
            assertThat(guard.configuration(3)).as("built once for the limit in force").isSameAs(three);
            perMinute.set(5);
            assertThat(guard.configuration(5)).isNotSameAs(three);
            assertThat(guard.configuration(5).getBandwidths()[0].getCapacity()).isEqualTo(5);
            for (int i = 0; i < 5; i++) {
                assertThat(guard.admit("203.0.113.1").admitted()).as("the reloaded limit, attempt " + (i + 1)).isTrue();
            }
            SourceGuard.Decision refused = guard.admit("203.0.113.1");
            assertThat(refused.admitted()).isFalse();
            assertThat(refused.limit()).isEqualTo(5);
            failures.flush(true);
        }
        // each refusal by the limit is counted for the auditor
        assertThat(jdbc.queryForObject("SELECT SUM(attempts) FROM auth_failure_minute WHERE source = '203.0.113.1' AND reason = 'rate-limited'",
                Long.class)).isEqualTo(2);
    }
}
