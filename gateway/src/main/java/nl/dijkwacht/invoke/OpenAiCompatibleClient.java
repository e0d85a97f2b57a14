package nl.dijkwacht.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;

/**
 * Passes the OpenAI request through to an OpenAI-compatible server (vLLM, Ollama, llama.cpp, Azure OpenAI,
 * Mistral, OpenAI) with the upstream model name and credential from the catalogue. Streams are read event
 * by event and handed on as they arrive; a stream that goes quiet longer than the model's response timeout
 * is cut off.
 */
public final class OpenAiCompatibleClient implements ModelClient {

    private final ObjectMapper json;
    private final IdleWatchdog watchdog;
    private final Map<Duration, HttpClient> clientsByConnectTimeout = new ConcurrentHashMap<>();

    public OpenAiCompatibleClient(ObjectMapper json, IdleWatchdog watchdog) {
        this.json = json;
        this.watchdog = watchdog;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.OPENAI_COMPATIBLE;
    }

    @Override
    public ObjectNode reply(ModelCall call) {
        ObjectNode body = upstreamBody(call);
        body.remove("stream");
        body.remove("stream_options");
        HttpResponse<byte[]> response = send(call, "/chat/completions", body, HttpResponse.BodyHandlers.ofByteArray());
        return parseObject(response.body(), "chat.completion");
    }

    @Override
    public ObjectNode embed(ModelCall call) {
        ObjectNode body = upstreamBody(call);
        HttpResponse<byte[]> response = send(call, "/embeddings", body, HttpResponse.BodyHandlers.ofByteArray());
        return parseObject(response.body(), "embeddings");
    }

    @Override
    public void stream(ModelCall call, ChunkSink sink) {
        ObjectNode body = upstreamBody(call);
        body.put("stream", true);
        // Always ask for usage so the audit has real token counts; the gateway drops it if the tool did not ask.
        body.putObject("stream_options").put("include_usage", true);
        HttpResponse<InputStream> response = send(call, "/chat/completions", body, HttpResponse.BodyHandlers.ofInputStream());
        sink.open();
        InputStream in = response.body();
        IdleWatchdog.Watch watch = watchdog.watch(in, call.model().streamIdleTimeout());
        try (watch; BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            StringBuilder data = new StringBuilder();
            while ((line = reader.readLine()) != null) {
                watch.touch();
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        if (handleEvent(data.toString(), sink)) {
                            return;
                        }
                        data.setLength(0);
                    }
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line, line.startsWith("data: ") ? 6 : 5, line.length());
                }
            }
            if (!data.isEmpty() && handleEvent(data.toString(), sink)) {
                return;
            }
            if (watch.expired()) {
                throw new UpstreamException(UpstreamException.Kind.TIMEOUT, null, "stream idle too long", null);
            }
            throw new UpstreamException(UpstreamException.Kind.STREAM_CUT, "stream ended without [DONE]");
        } catch (IOException e) {
            if (watch.expired()) {
                throw new UpstreamException(UpstreamException.Kind.TIMEOUT, null, "stream idle too long", e);
            }
            throw new UpstreamException(UpstreamException.Kind.STREAM_CUT, null, "stream broken", e);
        }
    }

    /** @return true when the event ends the stream */
    private boolean handleEvent(String data, ChunkSink sink) {
        if (data.equals("[DONE]")) {
            sink.complete();
            return true;
        }
        ObjectNode chunk = parseObject(data.getBytes(StandardCharsets.UTF_8), "chat.completion.chunk");
        if (chunk.has("error")) {
            throw new UpstreamException(UpstreamException.Kind.ERROR_STATUS, null, errorMessage(chunk), null);
        }
        sink.chunk(chunk);
        return false;
    }

    private ObjectNode upstreamBody(ModelCall call) {
        ObjectNode body = call.body().deepCopy();
        body.put("model", call.model().upstreamModel());
        return body;
    }

    private <T> HttpResponse<T> send(ModelCall call, String path, ObjectNode body, HttpResponse.BodyHandler<T> handler) {
        ModelDefinition model = call.model();
        HttpRequest.Builder request = HttpRequest.newBuilder(model.baseUrl().resolve(model.baseUrl().getPath() + path))
                .timeout(model.responseTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", body.path("stream").asBoolean(false) ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(toBytes(body)));
        model.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<T> response;
        try {
            response = client(model.connectTimeout()).send(request.build(), handler);
        } catch (HttpConnectTimeoutException e) {
            throw new UpstreamException(UpstreamException.Kind.TIMEOUT, null, "connect timeout", e);
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(UpstreamException.Kind.TIMEOUT, null, "response timeout", e);
        } catch (ConnectException e) {
            throw new UpstreamException(UpstreamException.Kind.UNREACHABLE, null, "connection refused", e);
        } catch (IOException e) {
            throw new UpstreamException(UpstreamException.Kind.UNREACHABLE, null, "I/O error", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(UpstreamException.Kind.UNREACHABLE, null, "interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            String message = readErrorMessage(response.body());
            throw new UpstreamException(UpstreamException.Kind.ERROR_STATUS, response.statusCode(), message, null);
        }
        return response;
    }

    private String readErrorMessage(Object body) {
        try {
            byte[] bytes = body instanceof byte[] b ? b
                    : body instanceof InputStream in ? in.readNBytes(16 * 1024) : new byte[0];
            if (body instanceof InputStream in) {
                in.close();
            }
            JsonNode node = json.readTree(bytes);
            return node == null ? null : errorMessage(node);
        } catch (IOException e) {
            return null;
        }
    }

    private static String errorMessage(JsonNode node) {
        JsonNode error = node.path("error");
        String message = error.isTextual() ? error.asText() : error.path("message").asText(null);
        if (message != null && message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        return message;
    }

    private ObjectNode parseObject(byte[] bytes, String what) {
        try {
            JsonNode node = json.readTree(bytes);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw new UpstreamException(UpstreamException.Kind.MALFORMED, null, "upstream " + what + " is not valid JSON", e);
        }
        throw new UpstreamException(UpstreamException.Kind.MALFORMED, "upstream " + what + " is not a JSON object");
    }

    private byte[] toBytes(ObjectNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpClient client(Duration connectTimeout) {
        return clientsByConnectTimeout.computeIfAbsent(connectTimeout, t -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(t)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }
}
