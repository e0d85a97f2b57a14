package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A store that already ran the policy migration V20 (from main) before the audit migrations V2/V3 existed must
 * still get them: hence {@code spring.flyway.out-of-order: true} in application.yaml.
 */
class MigrationOrderTest {

    @Test
    void auditMigrationsApplyAfterAPolicyMigrationThatRanFirst() throws Exception {
        Path earlier = Files.createTempDirectory("dw-migrations");
        for (String name : new String[] {"V1__audit_record.sql", "V20__policy_suspension.sql"}) {
            Files.copy(Path.of("src/main/resources/db/migration", name), earlier.resolve(name));
        }
        var ds = new DriverManagerDataSource("jdbc:h2:mem:order-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("filesystem:" + earlier).load().migrate();

        var strict = Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load();
        assertThatThrownBy(strict::migrate).hasMessageContaining("not applied");

        var result = Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .outOfOrder(true).load().migrate();
        // every migration but the two that ran first (audit V2/V3 and the later ones of other capabilities)
        long all;
        try (var common = Files.list(Path.of("src/main/resources/db/migration"));
             var vendor = Files.list(Path.of("src/main/resources/db/vendor/h2"))) {
            all = common.count() + vendor.count();
        }
        assertThat(result.migrationsExecuted).isEqualTo((int) all - 2);
        try (var c = ds.getConnection(); var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit_chain_head")) {
            assertThat(rs.next()).isTrue();
        }
    }
}
