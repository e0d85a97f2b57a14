package nl.dijkwacht.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Boots the whole gateway on a random port with an in-memory H2 audit store, a test policy pack, and a real
 * HTTP model upstream (WireMock) that each test programs. The classes that add no configuration of their own share one
 * context; its tool keys may send 100,000 requests a minute, as the classes together send thousands (the request limit
 * itself is tested where a class sets its own, e.g. {@code api.RateLimitTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "dijkwacht.limits.requests-per-minute=100000")
public abstract class GatewayTestBase {

    protected static final WireMockServer upstream = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    protected static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static TestPack pack;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        if (!upstream.isRunning()) {
            upstream.start();
        }
        pack = TestPack.create(upstream.port(), FreePort.find());
        registry.add("dijkwacht.policies-dir", () -> pack.policies().toString());
        registry.add("dijkwacht.models-dir", () -> pack.models().toString());
        registry.add("dijkwacht.data-dir", () -> pack.dataDir().toString());
    }

    @AfterAll
    static void stopUpstream() {
        upstream.resetAll();
    }

    @Autowired
    protected nl.dijkwacht.invoke.UpstreamPool upstreamPool;

    /** Each test starts with a fresh upstream and closed circuit breakers (earlier tests' failures would open them). */
    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        upstreamPool.resetHealth();
    }

    protected URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpResponse<String> postJson(String path, String body, String key, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> getJson(String path, String key, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static JsonNode parse(String body) throws Exception {
        return json.readTree(body);
    }

    /** The data events of an SSE body, without the "data: " prefix, in order. */
    protected static List<String> sseData(String body) {
        return body.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
    }

    protected Map<String, Object> auditRecord(String traceId) {
        return jdbc.queryForMap("SELECT * FROM audit_record WHERE trace_id = ?", traceId);
    }

    protected static String chat(String model, String userText) throws Exception {
        var body = json.createObjectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", userText);
        return json.writeValueAsString(body);
    }
}
