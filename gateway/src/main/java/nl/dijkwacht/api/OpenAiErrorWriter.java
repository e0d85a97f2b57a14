package nl.dijkwacht.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import nl.dijkwacht.pipeline.Refusal;

/**
 * Writes refusals in the OpenAI error format: {@code {"error":{"message","type","code","param"}}}, plus
 * {@code "upstream_message"} (the model's own words) when the model refused the request.
 */
public final class OpenAiErrorWriter {

    private final ObjectMapper json;

    public OpenAiErrorWriter(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode body(Refusal refusal) {
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", refusal.message());
        error.put("type", refusal.type());
        error.put("code", refusal.code());
        if (refusal.param() == null) {
            error.putNull("param");
        } else {
            error.put("param", refusal.param());
        }
        if (refusal.upstreamMessage() != null) {
            error.put("upstream_message", refusal.upstreamMessage());
        }
        return root;
    }

    public void write(HttpServletResponse response, Refusal refusal) {
        response.setStatus(refusal.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        if (refusal.retryAfterSeconds() != null) {
            response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        }
        try {
            json.writeValue(response.getOutputStream(), body(refusal));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
