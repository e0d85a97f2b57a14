package nl.dijkwacht.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to a running gateway, for tests. */
public final class GatewayClient {

    public static final String TOOL_KEY = "dw-dev-alleen-lokaal";
    public static final String AUDITOR_KEY = "dw-audit-alleen-lokaal";
    public static final String ADMIN_KEY = "dw-beheer-alleen-lokaal";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    public GatewayClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), key);
    }

    public HttpResponse<String> post(String path, String key, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b, key);
    }

    public HttpResponse<String> delete(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), key);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String key) {
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        b.timeout(Duration.ofSeconds(30));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The trace ids of an auditor export ({@code /audit/v1/export.json?<filter>}), read with the auditor key. */
    public java.util.Set<String> exportedTraceIds(String filter) {
        HttpResponse<String> export = get("/audit/v1/export.json?" + filter, AUDITOR_KEY);
        if (export.statusCode() != 200) {
            throw new AssertionError("export answered " + export.statusCode() + ": " + export.body());
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode rec : json(export).path("data")) {
            ids.add(rec.path("trace_id").asText());
        }
        return ids;
    }

    public String chatBody(String text, boolean stream) {
        try {
            var body = json.createObjectNode();
            body.put("model", "dry-run");
            body.put("stream", stream);
            body.putArray("messages").addObject().put("role", "user").put("content", text);
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
