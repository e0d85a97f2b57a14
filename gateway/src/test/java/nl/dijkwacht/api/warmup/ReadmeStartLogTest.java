package nl.dijkwacht.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.dijkwacht.audit.WarmUpAuditStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The start log of the README's start (an embedded H2 file, the warm-up with its throw-away copy of the store) says
 * what an operator needs and not the known noise: no INFO lines of the connection pools (four of them were the
 * warm-up's copy), no Flyway notice that H2 is newer than it was verified with, no Flyway warning that out-of-order mode
 * is active (the store migrates in order; out of order only a store that lacks an older migration, MigrationOrderTest)
 * — while real warnings of the same libraries still show: a pool setting Hikari overrides; Flyway's migration warnings
 * are not silenced.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadmeStartLogTest extends WarmUpGatewayBase {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        warmUpProperties(registry, "readme-start-log", 40);
        Path data = Files.createTempDirectory("dw-readme-start-log");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + data.resolve("dijkwacht-audit")
                + ";DB_CLOSE_ON_EXIT=FALSE;LAZY_QUERY_EXECUTION=TRUE;COMPRESS=TRUE;MAX_COMPACT_TIME=0");
        // a real Hikari warning: a connection lifetime below the keep-alive interval (2 min) switches the keep-alive off,
        // and Hikari says so
        registry.add("spring.datasource.hikari.max-lifetime", () -> "60000");
    }

    @Autowired
    WarmUpAuditStore warmUpAuditStore;

    @Test
    void theStartLogHasNoPoolChatterAndNoFlywayNoticesButRealWarningsStillShow(CapturedOutput output) {
        assertThat(warmUpAuditStore.scratchRecords()).as("the warm-up used its throw-away copy of the store").isPositive();
        String log = output.getAll();

        assertThat(log).as("the warm-up's scratch pool is silent").doesNotContain("warm-up-scratch - ");
        assertThat(log).as("no pool start or stop lines").doesNotContain("Starting...").doesNotContain("Start completed.")
                .doesNotContain("Added connection").doesNotContain("Shutdown initiated");
        assertThat(log).as("no Flyway notice about H2's version").doesNotContain("newer than the version Flyway has been verified with");
        assertThat(log).as("no out-of-order warning: a normal start migrates in order").doesNotContain("outOfOrder mode is active");

        assertThat(log).as("what an operator needs: the store, the migrations, the warm-up's summary")
                .contains("Database: jdbc:h2:file:").contains("Successfully applied").contains("warm-up: 40 made-up requests");
        assertThat(log).as("Hikari's own warnings still show")
                .containsPattern("WARN .* com\\.zaxxer\\.hikari\\..*keepaliveTime is greater than or equal to maxLifetime");
        assertThat(LoggerFactory.getLogger("org.flywaydb.core.internal.command.DbMigrate").isWarnEnabled())
                .as("the warning is gone because the start migrates in order, not because Flyway's migration warnings are off")
                .isTrue();
    }
}
