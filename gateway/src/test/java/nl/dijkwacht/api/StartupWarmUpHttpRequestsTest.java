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
 * The start-up warm-up with {@code dijkwacht.warm-up.http-requests=7}: two HTTP threads send seven requests over HTTP
 * between them, then every thread goes to the pipeline directly; all requests are still made and none is recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartupWarmUpHttpRequestsTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("dw-warm-up-http-requests");
        registry.add("dijkwacht.policies-dir", () -> Path.of("../policies").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.models-dir", () -> Path.of("../models-config").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.data-dir", data::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:warm-up-http-requests-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("dijkwacht.warm-up.enabled", () -> "true");
        registry.add("dijkwacht.warm-up.requests", () -> "60");
        registry.add("dijkwacht.warm-up.max-time", () -> "10m");
        registry.add("dijkwacht.warm-up.http-threads", () -> "2");
        registry.add("dijkwacht.warm-up.http-requests", () -> "7");
        registry.add("dijkwacht.warm-up.ready-within", () -> "0s");
        registry.add("dijkwacht.warm-up.until-steady", () -> "false");
    }

    @Autowired
    StartupWarmUp warmUp;

    @Autowired
    DataSource dataSource;

    @Test
    void theHttpThreadsStopAtTheCapAndTheRestGoesDirect() {
        assertThat(warmUp.completed()).isEqualTo(60);
        assertThat(warmUp.overHttp()).as("requests over HTTP: exactly the cap").isEqualTo(7);
        assertThat(warmUp.direct()).isEqualTo(53);
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM audit_record", Long.class))
                .as("no audit record").isZero();
    }

    @Test
    void aNegativeCapIsRefused() {
        assertThatThrownBy(() -> new StartupWarmUp(null, null, null, null, null, "t", true,
                new StartupWarmUp.Bounds(1, java.time.Duration.ofSeconds(1), java.time.Duration.ZERO, java.time.Duration.ZERO, false),
                new nl.dijkwacht.identity.WarmUpPass(), () -> null, 1, -1, StartupWarmUp.UpstreamRehearsal.OFF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http-requests");
    }
}
