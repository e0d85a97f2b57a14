package nl.dijkwacht.purpose;

import nl.dijkwacht.support.LocalServices;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link DeliveredTurnsContract} with the audit store in the machine's PostgreSQL (partitioned, hash index on turn_hmac). */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeliveredTurnsPostgresTest extends DeliveredTurnsContract {

    private static String schema;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        schema = LocalServices.createPostgresSchema("dw_turns");
        registry.add("spring.datasource.url", () -> LocalServices.postgresUrl(schema));
        registry.add("spring.datasource.username", () -> LocalServices.POSTGRES_USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("dijkwacht.telemetry.chain-check-interval", () -> "0s");
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            LocalServices.dropPostgresSchema(schema);
        }
    }
}
