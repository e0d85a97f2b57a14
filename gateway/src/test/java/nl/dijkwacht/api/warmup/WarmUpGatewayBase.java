package nl.dijkwacht.api.warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the start-up warm-up's gateway tests share: the project's policies and models, an in-memory audit store of
 * their own, the warm-up on with a fixed number of requests, no time bound that could cut it short and no waiting
 * for readiness or a steady state. A test adds the one setting it is about.
 */
abstract class WarmUpGatewayBase {

    @Autowired
    StartupWarmUp warmUp;

    @Autowired
    DataSource dataSource;

    static void warmUpProperties(DynamicPropertyRegistry registry, String name, int requests) throws IOException {
        Path data = Files.createTempDirectory("dw-" + name);
        registry.add("dijkwacht.policies-dir", () -> Path.of("../policies").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.models-dir", () -> Path.of("../models-config").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.data-dir", data::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("dijkwacht.warm-up.enabled", () -> "true");
        registry.add("dijkwacht.warm-up.requests", () -> Integer.toString(requests));
        registry.add("dijkwacht.warm-up.max-time", () -> "10m");
        registry.add("dijkwacht.warm-up.ready-within", () -> "0s");
        registry.add("dijkwacht.warm-up.until-steady", () -> "false");
    }

    long auditRecords() {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM audit_record", Long.class);
    }
}
