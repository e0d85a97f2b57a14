package nl.dijkwacht.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The set-up that gateway integration tests with their own policy pack on disk and WireMock model upstreams share
 * (PolicyGatewayTest, TaskRoutingTest, ResilientUpstreamsTest; usable by any {@code @SpringBootTest} that writes a pack):
 * the pack's directories, an in-memory H2 audit store of the test's own, no file polling (tests reload explicitly)
 * and no request-rate limit, plus the chat call, the recorded OpenAI answer and the audit-record lookup they repeat.
 */
public final class PackGateway {

    private PackGateway() {
    }

    /** Points the gateway at {@code policies}/{@code models}/{@code data} and an H2 in-memory database named {@code database}. */
    public static void properties(DynamicPropertyRegistry registry, Path policies, Path models, Path data, String database) {
        registry.add("dijkwacht.policies-dir", policies::toString);
        registry.add("dijkwacht.models-dir", models::toString);
        registry.add("dijkwacht.data-dir", data::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        registry.add("dijkwacht.policy.poll-interval", () -> "0s");
        registry.add("dijkwacht.limits.requests-per-minute", () -> "100000");
    }

    /**
     * A gateway on a copy of the shipped pack (policies and catalogue, so a test may edit them) with its own in-memory
     * database and data directory under a new temporary directory, which it returns; polling stays as configured.
     */
    public static Path copyOfShippedPack(DynamicPropertyRegistry registry, String name) throws java.io.IOException {
        Path root = java.nio.file.Files.createTempDirectory("dw-" + name);
        org.springframework.util.FileSystemUtils.copyRecursively(Path.of("../policies"), root.resolve("policies"));
        org.springframework.util.FileSystemUtils.copyRecursively(Path.of("../models-config"), root.resolve("models-config"));
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + "-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("dijkwacht.data-dir", () -> root.resolve("data").toString());
        registry.add("dijkwacht.policies-dir", () -> root.resolve("policies").toString());
        registry.add("dijkwacht.models-dir", () -> root.resolve("models-config").toString());
        registry.add("dijkwacht.limits.requests-per-minute", () -> "100000");
        return root;
    }

    /** An OpenAI-compatible {@code chat.completion} body (the shape vLLM/OpenAI send) whose answer is {@code text}. */
    public static String completion(String text) {
        return """
                {"id":"c1","object":"chat.completion","created":1,"model":"m",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}""".formatted(text);
    }

    /** A 200 JSON response carrying {@link #completion(String)}. */
    public static ResponseDefinitionBuilder ok(String text) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(completion(text));
    }

    /** POSTs {@code body} to {@code /v1/chat/completions} with the tool key and extra header name/value pairs. */
    public static HttpResponse<String> chat(HttpClient http, int port, String key, String body, String... headers) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            req.header(headers[i], headers[i + 1]);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code columns} (comma-separated) of the audit record of the request that got {@code response}. */
    public static Map<String, Object> audit(JdbcTemplate jdbc, HttpResponse<?> response, String columns) {
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        return jdbc.queryForMap("SELECT " + columns + " FROM audit_record WHERE trace_id = ?", trace);
    }
}
