package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import nl.dijkwacht.audit.store.StoreMigrations;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration numbers are grouped by capability, so a store can lack a migration numbered below its newest (here: it ran
 * the policy migration V20 before the audit migrations V2/V3 existed). {@link StoreMigrations} migrates such a store
 * out of order, on that start only; every other start migrates in order, without Flyway's out-of-order warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationOrderTest {

    private static final String OUT_OF_ORDER_WARNING = "outOfOrder mode is active";

    @Test
    void aStoreThatRanALaterMigrationFirstStillGetsTheOlderOnes(CapturedOutput output) throws Exception {
        Path earlier = Files.createTempDirectory("dw-migrations");
        for (String name : new String[] {"V1__audit_record.sql", "V20__policy_suspension.sql"}) {
            Files.copy(Path.of("src/main/resources/db/migration", name), earlier.resolve(name));
        }
        DataSource ds = h2();
        Flyway.configure().dataSource(ds).locations("filesystem:" + earlier).load().migrate();
        assertThatThrownBy(() -> gatewayFlyway(ds).migrate()).as("Flyway in order refuses the store")
                .hasMessageContaining("not applied");

        new StoreMigrations().migrate(gatewayFlyway(ds));

        assertThat(gatewayFlyway(ds).info().pending()).isEmpty();
        assertThat(gatewayFlyway(ds).info().applied()).hasSize(migrations());
        try (var c = ds.getConnection(); var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit_chain_head")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(output).as("the start that migrates out of order says so").contains(OUT_OF_ORDER_WARNING);
    }

    @Test
    void aNewOrUpToDateStoreMigratesInOrderWithoutTheOutOfOrderWarning(CapturedOutput output) throws Exception {
        DataSource ds = h2();
        new StoreMigrations().migrate(gatewayFlyway(ds)); // the first start: every migration
        new StoreMigrations().migrate(gatewayFlyway(ds)); // the next: nothing to do

        assertThat(gatewayFlyway(ds).info().applied()).hasSize(migrations());
        assertThat(output).doesNotContain(OUT_OF_ORDER_WARNING);
    }

    /** Flyway as the gateway configures it for H2 (application.yaml, out-of-order off). */
    private static Flyway gatewayFlyway(DataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load();
    }

    private static DataSource h2() {
        return new DriverManagerDataSource("jdbc:h2:mem:order-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static int migrations() throws Exception {
        try (var common = Files.list(Path.of("src/main/resources/db/migration"));
             var vendor = Files.list(Path.of("src/main/resources/db/vendor/h2"))) {
            return (int) (common.count() + vendor.count());
        }
    }
}
