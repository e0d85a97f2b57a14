package nl.dijkwacht.audit.store;

import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the store in order, and out of order only when it has to. Migration numbers are grouped by capability
 * (audit, policy, limits, tenants), so a release can bring a migration numbered below one the store already ran — on
 * main V40 came after V50, V30 after V80, V60 after V120, V70 and V100–V102 after V121. Flyway refuses such a store
 * ("Detected resolved migration not applied to database") unless it runs out of order; with {@code
 * spring.flyway.out-of-order} always on it warned at every start that it did. So a start migrates in order, and only
 * when Flyway finds a migration older than the store's newest not yet applied does it migrate again, out of order —
 * that start says so.
 */
public final class StoreMigrations implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(StoreMigrations.class);

    @Override
    public void migrate(Flyway flyway) {
        try {
            flyway.migrate();
        } catch (FlywayValidateException e) {
            List<String> older = Arrays.stream(flyway.info().all()).filter(m -> m.getState() == MigrationState.IGNORED)
                    .map(m -> "V" + m.getVersion()).toList();
            if (older.isEmpty()) {
                throw e;
            }
            log.info("the store lacks migrations older than its newest one: {}; applying them out of order", older);
            Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                    .outOfOrder(true).load().migrate();
        }
    }
}
