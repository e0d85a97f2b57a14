package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.pii.anonymize.PlaceholderRestorer;
import nl.dijkwacht.pipeline.Exchange;

/**
 * Makes a whole model answer ready for the tool: placeholders back to the original values (in message content
 * and in tool-call arguments), the disclaimer appended, usage recorded.
 */
public final class ReplyRewriter {

    private final Disclaimer disclaimer;
    private final OutputScan outputScan;
    private final ObjectMapper json;

    public ReplyRewriter(Disclaimer disclaimer, OutputScan outputScan, ObjectMapper json) {
        this.disclaimer = disclaimer;
        this.outputScan = outputScan;
        this.json = json;
    }

    /** The same rewriting for a streamed answer, applied chunk by chunk on its way to {@code out}. */
    public StreamRewriter stream(Exchange exchange, ChunkOutput out) {
        return new StreamRewriter(exchange, out, disclaimer, scanFor(exchange), json);
    }

    public ObjectNode rewrite(Exchange exchange, ObjectNode reply) {
        PlaceholderRestorer restorer = new PlaceholderRestorer(exchange.vault());
        boolean restore = shouldRestore(exchange);
        String note = disclaimer.textFor(exchange);
        for (JsonNode choice : reply.path("choices")) {
            if (!(choice.get("message") instanceof ObjectNode message)) {
                continue;
            }
            JsonNode content = message.get("content");
            if (content != null && content.isTextual()) {
                String text = restore ? restorer.restoreAll(content.asText()) : content.asText();
                if (scanFor(exchange) != null) {
                    text = outputScan.apply(exchange, text, true);
                }
                message.put("content", text + note);
            }
            for (JsonNode call : message.path("tool_calls")) {
                if (restore && call.get("function") instanceof ObjectNode function && function.path("arguments").isTextual()) {
                    function.put("arguments", restorer.restoreAllInJson(function.get("arguments").asText()));
                }
            }
        }
        exchange.placeholders(restorer.restoredCount(), restorer.unknownCount());
        JsonNode usage = reply.path("usage");
        if (usage.isObject()) {
            exchange.usage(usage.path("prompt_tokens").asInt(), usage.path("completion_tokens").asInt());
        }
        return reply;
    }

    /** The dry-run answer is the prompt itself, so it has no output of its own to scan. */
    private OutputScan scanFor(Exchange exchange) {
        return exchange.model().provider() == ProviderKind.DRY_RUN ? null : outputScan;
    }

    /** The dry-run model shows what left the building, so its placeholders stay visible. */
    static boolean shouldRestore(Exchange exchange) {
        return exchange.model().provider() != ProviderKind.DRY_RUN && !exchange.vault().isEmpty();
    }
}
