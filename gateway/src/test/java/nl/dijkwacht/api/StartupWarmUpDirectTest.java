package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The start-up warm-up with {@code dijkwacht.warm-up.over-http=false}: its made-up requests go to the pipeline directly,
 * none over HTTP, their answers come from the loopback model server through the upstream client, and they leave no
 * audit record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartupWarmUpDirectTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("dw-warm-up-direct");
        registry.add("dijkwacht.policies-dir", () -> Path.of("../policies").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.models-dir", () -> Path.of("../models-config").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.data-dir", data::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:warm-up-direct-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("dijkwacht.warm-up.enabled", () -> "true");
        registry.add("dijkwacht.warm-up.requests", () -> "60");
        registry.add("dijkwacht.warm-up.max-time", () -> "10m");
        registry.add("dijkwacht.warm-up.over-http", () -> "false");
        registry.add("dijkwacht.warm-up.ready-within", () -> "0s");
        registry.add("dijkwacht.warm-up.until-steady", () -> "false");
    }

    @Autowired
    StartupWarmUp warmUp;

    @Autowired
    DataSource dataSource;

    @Test
    void sendsItsRequestsToThePipelineDirectlyWhenHttpIsOff() {
        assertThat(warmUp.completed()).isEqualTo(60);
        assertThat(warmUp.overHttp()).as("no warm-up request went over HTTP").isZero();
        assertThat(warmUp.upstreamCalls()).as("every answer, whole and streamed, came from the loopback model server")
                .isEqualTo(60);
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM audit_record", Long.class))
                .as("no audit record").isZero();
    }
}
