package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The start-up warm-up with {@code dijkwacht.warm-up.http-threads=3}: three threads over HTTP and one direct finish the
 * requests between them and leave no audit record; fewer than one HTTP thread is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartupWarmUpHttpThreadsTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("dw-warm-up-threads");
        registry.add("dijkwacht.policies-dir", () -> Path.of("../policies").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.models-dir", () -> Path.of("../models-config").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.data-dir", data::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:warm-up-threads-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("dijkwacht.warm-up.enabled", () -> "true");
        registry.add("dijkwacht.warm-up.requests", () -> "90");
        registry.add("dijkwacht.warm-up.max-time", () -> "10m");
        registry.add("dijkwacht.warm-up.http-threads", () -> "3");
        registry.add("dijkwacht.warm-up.ready-within", () -> "0s");
        registry.add("dijkwacht.warm-up.until-steady", () -> "false");
    }

    @Autowired
    StartupWarmUp warmUp;

    @Autowired
    DataSource dataSource;

    @Test
    void severalHttpThreadsShareTheRequestsAndLeaveNoAuditRecord() {
        assertThat(warmUp.completed()).isEqualTo(90);
        assertThat(warmUp.overHttp()).as("requests went over HTTP").isPositive();
        assertThat(warmUp.overHttp() + warmUp.direct()).isEqualTo(90);
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM audit_record", Long.class))
                .as("no audit record").isZero();
    }

    @Test
    void fewerThanOneHttpThreadIsRefused() {
        assertThatThrownBy(() -> new StartupWarmUp(null, null, null, null, null, "t", true,
                new StartupWarmUp.Bounds(1, java.time.Duration.ofSeconds(1), java.time.Duration.ZERO, java.time.Duration.ZERO, false),
                new nl.dijkwacht.identity.WarmUpPass(), () -> null, 0, StartupWarmUp.UpstreamRehearsal.OFF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http-threads");
    }
}
