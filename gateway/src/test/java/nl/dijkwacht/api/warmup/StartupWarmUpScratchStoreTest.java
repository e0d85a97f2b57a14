package nl.dijkwacht.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import nl.dijkwacht.audit.GatewayClient;
import nl.dijkwacht.audit.WarmUpAuditStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The start-up warm-up on the README's store, an embedded H2 file in journal mode: the records of its requests over HTTP
 * are committed into a throw-away copy of the store in a temporary directory (so the commit, the journal and H2's page
 * writing run before readiness), which is gone when the warm-up ends; the real store, its chain and its directory hold
 * nothing of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartupWarmUpScratchStoreTest extends WarmUpGatewayBase {

    static Path data;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        warmUpProperties(registry, "warm-up-scratch", 240);
        data = Files.createTempDirectory("dw-warm-up-scratch-store");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + data.resolve("dijkwacht-audit")
                + ";DB_CLOSE_ON_EXIT=FALSE;LAZY_QUERY_EXECUTION=TRUE;COMPRESS=TRUE;MAX_COMPACT_TIME=0");
    }

    @LocalServerPort
    int port;

    @Autowired
    WarmUpAuditStore warmUpAuditStore;

    @Test
    void commitsTheWarmUpsRecordsIntoAThrowAwayCopyOfTheEmbeddedStore() throws Exception {
        assertThat(warmUp.completed()).isEqualTo(240);
        assertThat(warmUp.overHttp()).as("requests went over HTTP, through the audit write").isPositive();
        assertThat(warmUp.otherOperations()).as("the other operations went over HTTP too").isEqualTo(WarmUpRequests.OTHER_OPERATIONS.size());
        assertThat(warmUpAuditStore.scratchRecords()).as("records committed into the copy").isPositive()
                .isLessThanOrEqualTo(warmUp.overHttp() + warmUp.otherOperations());
        Path scratch = warmUpAuditStore.lastScratchDirectory();
        assertThat(scratch).as("a copy was made").isNotNull();
        assertThat(scratch.startsWith(data)).as("outside the real store's directory").isFalse();
        assertThat(scratch).as("and deleted when the warm-up ended").doesNotExist();

        assertThat(auditRecords()).as("no warm-up record in the real store").isZero();
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("the real store's directory holds the real store and its journals only")
                    .allMatch(name -> name.startsWith("dijkwacht-audit."));
        }

        GatewayClient client = new GatewayClient(port);
        HttpResponse<String> answer = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY,
                client.chatBody("Vat samen: de vergadering is verplaatst naar donderdag.", false));
        assertThat(answer.statusCode()).isEqualTo(200);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(auditRecords()).isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT last_seq FROM audit_chain_head", Long.class))
                .as("the real chain starts at the real request").isEqualTo(1L);
    }
}
