package nl.dijkwacht.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import nl.dijkwacht.audit.GatewayClient;
import nl.dijkwacht.policy.ActivePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The start-up warm-up on the default pack: it sends its made-up requests over HTTP to the gateway's own port, through
 * the route filters, the pipeline, the dry-run model and the audit write, and straight into the pipeline with the
 * answers from a loopback model server through the upstream client, before the gateway is ready, and leaves no trace — no audit record, no quota spent, none of its text in the log — and its key
 * stops working when it is done.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartupWarmUpTest {

    /** How many warm-up requests had completed when Spring Boot declared the gateway ready (-1: not declared). */
    static final AtomicInteger completedAtReadiness = new AtomicInteger(-1);

    @TestConfiguration
    static class Readiness {
        @Bean
        ApplicationListener<AvailabilityChangeEvent<ReadinessState>> readinessWatcher(ApplicationContext context) {
            return event -> {
                if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                    completedAtReadiness.set(context.getBean(StartupWarmUp.class).completed());
                }
            };
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("dw-warm-up");
        registry.add("dijkwacht.policies-dir", () -> Path.of("../policies").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.models-dir", () -> Path.of("../models-config").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.data-dir", data::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:warm-up-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        // the suite switches it off (surefire environment); here it is on, bounded by count, not by time
        registry.add("dijkwacht.warm-up.enabled", () -> "true");
        registry.add("dijkwacht.warm-up.requests", () -> "120");
        registry.add("dijkwacht.warm-up.max-time", () -> "10m");
        registry.add("dijkwacht.warm-up.ready-within", () -> "0s");
        registry.add("dijkwacht.warm-up.until-steady", () -> "false");
        // any text the warm-up or the steps it runs would log, at any level, would be in the captured output
        registry.add("logging.level.nl.dijkwacht", () -> "DEBUG");
    }

    @LocalServerPort
    int port;

    @Autowired
    StartupWarmUp warmUp;

    @Autowired
    ActivePolicy policy;

    @Autowired
    DataSource dataSource;

    @Autowired
    nl.dijkwacht.invoke.UpstreamPool upstreamPool;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    org.thymeleaf.spring6.SpringTemplateEngine templates;

    @Test
    void warmsThePipelineTheDryRunModelAndTheUpstreamCallWithoutLeavingATrace(CapturedOutput output) {
        WarmUpTarget target = WarmUpTarget.choose(policy.current()).orElseThrow();
        assertThat(target.dryRun()).as("the default pack has a use-case with the dry-run model").isTrue();
        assertThat(warmUp.completed()).isEqualTo(120);
        assertThat(warmUp.overHttp()).as("one thread went over HTTP to the gateway's own port").isPositive();
        assertThat(warmUp.direct()).as("the other went straight into the pipeline").isPositive();
        assertThat(warmUp.overHttp() + warmUp.direct()).isEqualTo(120);
        assertThat(warmUp.upstreamCalls()).as("the direct thread's answers came over HTTP from the loopback model server")
                .isPositive();
        assertThat(warmUp.lastUpstream().getHost()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(warmUp.lastUpstream().resolve(warmUp.lastUpstream().getPath() + "/chat/completions"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()))
                .as("the loopback model server stopped with the warm-up").isInstanceOf(java.io.IOException.class);
        assertThat(upstreamPool.breakers().getAllCircuitBreakers())
                .as("the real pool saw calls to the in-process dry-run model only: none to a network model, none to the loopback")
                .extracting(io.github.resilience4j.circuitbreaker.CircuitBreaker::getName).containsOnly("dry-run@local");
        assertThat(meters.getMeters()).as("no metric names the loopback model")
                .noneMatch(meter -> meter.getId().getTags().stream().anyMatch(tag -> tag.getValue().contains("warm-up-loopback")))
                .noneMatch(meter -> meter.getId().getTags().stream().anyMatch(tag -> tag.getValue().contains(warmUp.lastUpstream().getPath())));
        assertThat(completedAtReadiness.get()).as("Spring Boot declared the gateway ready only after the warm-up").isEqualTo(120);
        // what a first request would otherwise load in its path (cold27)
        assertThat(warmUp.fromVirtualThread()).as("one request from a virtual thread (the socket poller)").isEqualTo(1);
        assertThat(warmUp.otherOperations()).as("the Responses API (whole, streamed), completions and embeddings: each answered")
                .isEqualTo(WarmUpRequests.OTHER_OPERATIONS.size());
        assertThat(warmUp.pages()).as("the public pages were fetched and rendered").isEqualTo(HttpWarmUp.PAGES.size());
        assertThat(templates.getConfiguration().getCacheManager().getTemplateCache().keySet())
                .extracting(org.thymeleaf.cache.TemplateCacheKey::getTemplate)
                .as("the template engine is set up and the pages' templates are parsed")
                .contains("console/login", "console/transparency");
        List<String> upstreamModels = policy.current().catalog().all().stream().map(m -> m.upstreamModel())
                .filter(m -> m != null && !m.isBlank()).toList();
        assertThat(upstreamModels).as("the default pack names upstream models").isNotEmpty();
        assertThat(warmUp.tokenizers()).containsExactlyInAnyOrderElementsOf(new java.util.TreeSet<>(upstreamModels));
        assertThat(upstreamModels).as("each one's token encoding is loaded").allMatch(nl.dijkwacht.limits.TokenEstimator::loaded);

        assertThat(output.getAll()).as("the warm-up's summary was captured").contains("warm-up: 120 made-up requests");
        for (String prompt : WarmUpRequests.PROMPTS) {
            for (String part : prompt.split("[,.:;?] ")) {
                if (part.strip().length() >= 12) {
                    assertThat(output.getAll()).as("no warm-up text in the log").doesNotContain(part.strip());
                }
            }
        }
        assertThat(output.getAll()).doesNotContain("111222333").doesNotContain("NL02ABNA0123456789")
                .doesNotContain("petra.devries@voorbeeld.nl");

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).as("no audit record").isZero();

        GatewayClient client = new GatewayClient(port);
        HttpResponse<String> first = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY,
                client.chatBody("Vat samen: de vergadering is verplaatst naar donderdag.", false));
        assertThat(first.statusCode()).isEqualTo(200);
        long limit = Long.parseLong(first.headers().firstValue("x-ratelimit-limit-requests").orElseThrow());
        long remaining = Long.parseLong(first.headers().firstValue("x-ratelimit-remaining-requests").orElseThrow());
        assertThat(remaining).as("the warm-up spent no request quota").isEqualTo(limit - 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT last_seq FROM audit_chain_head", Long.class)).as("the chain starts at the real request")
                .isEqualTo(1L);
    }
}
