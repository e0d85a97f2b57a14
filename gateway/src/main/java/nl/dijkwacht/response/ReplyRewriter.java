package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.pii.anonymize.PlaceholderRestorer;
import nl.dijkwacht.pipeline.Exchange;

/**
 * Makes a whole model answer ready for the tool: placeholders back to the original values (in message content, a
 * refusal, an audio answer's transcript, web-search citations' titles and tool-call arguments), the output scan (all of
 * them), the disclaimer, usage recorded.
 *
 * <p>The disclaimer and trace id always travel in the top-level extension field {@value #EXTENSION} (and the response
 * header {@code X-Dijkwacht-Disclaimer}); they are appended to the text only for plain-text answers (to a spoken
 * answer's transcript when it has no text content), never to JSON-mode or schema answers or to tool calls, whose
 * content a tool parses.
 */
public final class ReplyRewriter {

    /** Top-level field in answers and in the last stream chunk: {@code {"disclaimer", "trace_id", "in_content"}}. */
    public static final String EXTENSION = "dijkwacht";

    private final Disclaimer disclaimer;
    private final OutputScan outputScan;
    private final ObjectMapper json;
    private final int maxHeldArguments;
    private final HeldArguments replicaHeld;

    public ReplyRewriter(Disclaimer disclaimer, OutputScan outputScan, ObjectMapper json) {
        this(disclaimer, outputScan, json, StreamRewriter.DEFAULT_MAX_HELD_ARGUMENTS);
    }

    /** @param maxHeldArguments streamed tool-call arguments held at most (characters) before the stream is ended */
    public ReplyRewriter(Disclaimer disclaimer, OutputScan outputScan, ObjectMapper json, int maxHeldArguments) {
        this(disclaimer, outputScan, json, maxHeldArguments, HeldArguments.unbounded());
    }

    /** @param replicaHeld the bound over the held arguments of all streams of this replica (leftover45) */
    public ReplyRewriter(Disclaimer disclaimer, OutputScan outputScan, ObjectMapper json, int maxHeldArguments,
                         HeldArguments replicaHeld) {
        this.disclaimer = disclaimer;
        this.outputScan = outputScan;
        this.json = json;
        this.maxHeldArguments = maxHeldArguments;
        this.replicaHeld = replicaHeld;
    }

    /** The same rewriting for a streamed answer, applied chunk by chunk on its way to {@code out}. */
    public StreamRewriter stream(Exchange exchange, ChunkOutput out) {
        return new StreamRewriter(exchange, out, disclaimer, scanFor(exchange), json, maxHeldArguments, replicaHeld);
    }

    /** The disclaimer text for the response header (without the separator that precedes it in text answers). */
    public String disclaimerText(Exchange exchange) {
        return disclaimer.plainFor(exchange);
    }

    public ObjectNode rewrite(Exchange exchange, ObjectNode reply) {
        PlaceholderRestorer restorer = new PlaceholderRestorer(exchange.vault());
        boolean restore = shouldRestore(exchange);
        OutputScan.Bound scan = scanFor(exchange);
        String note = disclaimer.textFor(exchange);
        boolean noteInContent = false;
        boolean redacts = scan != null && scan.redacts();
        if (redacts) {
            UnknownFieldsUnderRedact.drop(reply, exchange, true); // only known fields pass under redact (answer48)
        }
        // a search model's titles, snippets and questions are text; its URLs pass (answer49)
        SearchResults.rewrite(reply, t -> text(t, restore, restorer, scan), redacts, exchange);
        for (JsonNode choice : reply.path("choices")) {
            if (choice instanceof ObjectNode c) {
                AnswerTokens.dropUnasked(c, exchange, scan);
                if (restore && c.hasNonNull("logprobs")) {
                    RestoredTokens.restore(c, exchange.vault()); // the tokens spell the text the tool gets (answer48)
                }
            }
            if (!(choice.get("message") instanceof ObjectNode message)) {
                continue;
            }
            ContentChunks.flatten(message);
            boolean toolCalls = message.path("tool_calls").isArray() && !message.path("tool_calls").isEmpty()
                    || message.path("function_call").isObject();
            boolean plain = !structured(exchange) && !toolCalls;
            // a refusal is not a text answer: its content is null or empty, and stays so (as in a stream)
            boolean refused = message.path("refusal").isTextual() && !message.path("refusal").asText().isEmpty();
            JsonNode content = message.get("content");
            if (content != null && content.isTextual()) {
                // JSON-mode content is JSON: a restored value is escaped for the place it lands in (json28)
                String text = !restore ? content.asText()
                        : structured(exchange) ? restorer.restoreAllInJson(content.asText()) : restorer.restoreAll(content.asText());
                if (scan != null) {
                    // a JSON answer is scanned value by value, so a redaction can never break its JSON (a stream holds one
                    // to scan it so, json27); text beside tool
                    // calls is text (scanned as a stream scans it: rewrite27 found "111222333 heer …" taken for the number)
                    text = structured(exchange) ? scan.applyToArguments(text, json) : scan.apply(text);
                }
                // a citation's span counts in the model's text; moved onto this one (answer47)
                exchange.citationsDropped(CitationSpans.move(message.get("annotations"), content.asText(), text));
                message.put("content", plain && !refused ? text + note : text);
                noteInContent |= plain && !refused && !note.isEmpty();
            }
            // a spoken answer's transcript is its text (redteam45: under flag it passed unrestored, uncounted and without
            // the note); the note goes there when there is no text content to carry it
            if (message.get("audio") instanceof ObjectNode audio && scan != null && scan.redacts()) {
                SpeechUnderRedact.drop(audio);
            }
            if (message.get("audio") instanceof ObjectNode audio && audio.path("transcript").isTextual()) {
                String transcript = text(audio.get("transcript").asText(), restore, restorer, scan);
                boolean noteInTranscript = plain && !refused && !message.path("content").isTextual();
                audio.put("transcript", noteInTranscript ? transcript + note : transcript);
                noteInContent |= noteInTranscript && !note.isEmpty();
            }
            WebCitations.rewriteTitles(message, title -> text(title, restore, restorer, scan));
            ReasoningText.rewrite(message, reasoning -> text(reasoning, restore, restorer, scan));
            // a refusal is the model's text too: placeholders restored, scanned (and redacted) like content
            if (message.path("refusal").isTextual() && !message.path("refusal").asText().isEmpty()) {
                String refusal = restore ? restorer.restoreAll(message.get("refusal").asText()) : message.get("refusal").asText();
                message.put("refusal", scan == null ? refusal : scan.apply(refusal));
            }
            // both shapes of a call, even side by side: the tool reads the one its type names, which need not be the one
            // ToolCallText picks (review45b: a custom input beside a function object passed unrestored and unscanned)
            for (JsonNode call : message.path("tool_calls")) {
                if (call.get("function") instanceof ObjectNode function && function.path("arguments").isTextual()) {
                    function.put("arguments", arguments(function.get("arguments").asText(), restore, restorer, scan));
                }
                if (call.get("custom") instanceof ObjectNode custom && custom.path("input").isTextual()) {
                    custom.put("input", text(custom.get("input").asText(), restore, restorer, scan));
                }
            }
            // the legacy answer to `functions` (redteam45: its arguments were neither restored nor scanned)
            if (message.get("function_call") instanceof ObjectNode legacy && legacy.path("arguments").isTextual()) {
                legacy.put("arguments", arguments(legacy.get("arguments").asText(), restore, restorer, scan));
            }
        }
        addExtension(exchange, reply, noteInContent);
        exchange.placeholders(restorer.restoredCount(), restorer.unknownCount());
        JsonNode usage = reply.path("usage");
        if (usage.isObject()) {
            exchange.usage(usage.path("prompt_tokens").asInt(), usage.path("completion_tokens").asInt());
        }
        return reply;
    }

    /** A function call's arguments (JSON): restored JSON-escaped, scanned value by value. */
    private String arguments(String arguments, boolean restore, PlaceholderRestorer restorer, OutputScan.Bound scan) {
        String out = restore ? restorer.restoreAllInJson(arguments) : arguments;
        return scan == null ? out : scan.applyToArguments(out, json);
    }

    /**
     * Free text beside the content: a custom tool's input, which the tool acts on (redteam45: it passed unrestored and
     * unscanned, so personal data the model wrote there reached the tool under {@code pii.output: redact}), an audio
     * answer's transcript, a web-search citation's title. Restored and scanned as text.
     */
    private static String text(String input, boolean restore, PlaceholderRestorer restorer, OutputScan.Bound scan) {
        String out = restore ? restorer.restoreAll(input) : input;
        return scan == null ? out : scan.apply(out);
    }

    /** The extension field: disclaimer and trace id outside the model's content, where a JSON tool does not look. */
    void addExtension(Exchange exchange, ObjectNode target, boolean inContent) {
        putExtension(target, exchange, disclaimer, inContent);
    }

    static void putExtension(ObjectNode target, Exchange exchange, Disclaimer disclaimer, boolean inContent) {
        ObjectNode ext = target.putObject(EXTENSION);
        String text = disclaimer.plainFor(exchange);
        if (text.isEmpty()) {
            ext.putNull("disclaimer");
        } else {
            ext.put("disclaimer", text);
        }
        ext.put("trace_id", exchange.traceId());
        ext.put("in_content", inContent);
        if (exchange.citationsDropped() > 0) {
            ext.put("citations_dropped", exchange.citationsDropped());
        }
        if (!exchange.droppedAnswerFields().isEmpty()) {
            // fields the gateway does not know, dropped under redact (answer48): names, never values
            ext.put("fields_dropped", exchange.droppedAnswerFields().size());
            exchange.droppedAnswerFields().forEach(ext.putArray("dropped_fields")::add);
        }
    }

    /** JSON mode or a JSON schema: the content is JSON the tool parses, so nothing is appended to it. */
    static boolean structured(Exchange exchange) {
        String type = exchange.request().body().path("response_format").path("type").asText("");
        return type.equals("json_object") || type.equals("json_schema");
    }

    /** The dry-run answer is the prompt itself, so it has no output of its own to scan. */
    private OutputScan.Bound scanFor(Exchange exchange) {
        return exchange.model().provider() == ProviderKind.DRY_RUN ? null : outputScan.of(exchange);
    }

    /** The dry-run model shows what left the building, so its placeholders stay visible. */
    static boolean shouldRestore(Exchange exchange) {
        return exchange.model().provider() != ProviderKind.DRY_RUN && !exchange.vault().isEmpty();
    }
}
