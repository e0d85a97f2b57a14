package nl.dijkwacht.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.dijkwacht.invoke.ChunkSink;
import nl.dijkwacht.invoke.ForwardingChunkSink;
import nl.dijkwacht.invoke.RawChunk;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.openai.TextSlot;
import nl.dijkwacht.openai.ToolCallText;
import nl.dijkwacht.pipeline.Exchange;

/**
 * What the audit trail learns about one request beyond the {@link Exchange}: the sources and prompt template the
 * tool declared, citations the model returned, a running keyed hash of the answer as delivered to the tool, and —
 * only for use-cases that keep content — the redacted answer. Per request, never shared. Texts are hashed in
 * memory and dropped; nothing here is logged.
 *
 * <p>Documented inputs (docs/auditor-guide.md): header {@value #SOURCES_HEADER} (comma-separated references:
 * document ids, URLs, versions or hashes of RAG chunks) and header {@value #TEMPLATE_HEADER}; or the OpenAI
 * {@code metadata} fields {@value #SOURCES_METADATA} and {@value #TEMPLATE_METADATA} with the same values.
 */
public final class AuditCapture {

    public static final String SOURCES_HEADER = "X-Dijkwacht-Sources";
    public static final String TEMPLATE_HEADER = "X-Dijkwacht-Prompt-Template";
    public static final String SOURCES_METADATA = "dw_sources";
    public static final String TEMPLATE_METADATA = "dw_prompt_template";
    static final int MAX_REFERENCES = 50;
    static final int MAX_REFERENCE_LENGTH = 512;
    private static final int MAX_KEPT_ANSWER = 1_000_000;
    /** Between the message texts of a prompt as the audit hashes it. */
    private static final String PROMPT_SEPARATOR = "\n\n";
    /** The MAC's buffer: a prompt or answer goes to the MAC in pieces of this many bytes. */
    private static final int FEED_BYTES = 256;

    private final Exchange exchange;
    private final ObjectMapper json;
    private final String sourcesHeader;
    private final String templateHeader;
    private final TextHasher hasher;
    /**
     * The request's one MAC (active key) with its buffer, made when first needed: the prompt's HMAC, taken before the
     * model is called ({@link #settlePrompt}), then the answer's as its pieces are delivered — {@code doFinal} leaves the
     * MAC keyed and empty. A prompt hashed only after the answer began takes a MAC of its own ({@link #promptHmac}).
     */
    private MacFeed feed;
    private final String hashKeyId;
    private final Set<String> citations = new LinkedHashSet<>();
    private boolean answerSeen;
    private String answerHmac;
    /** The prompt's HMAC once taken ({@link #settlePrompt}); then the sent texts are no longer needed. */
    private String promptHmac;
    private boolean promptSettled;
    private StringBuilder redactedAnswer;
    private boolean keepAnswer;
    /** Hashes the delivered turn (turns28); null: the trail keeps no turn hashes. */
    private final TurnHasher turns;
    /** The delivered turn's keyed hash as it runs, made with the answer's first piece. */
    private TurnHasher.Running turn;
    private String turnHmac;
    /**
     * The keyed hashes of choices 1 to {@link #HASHED_CHOICES}-1 of an answer with {@code n > 1} as they run (turns45: a
     * tool that lets staff pick another choice and continue); made with such a choice's first piece.
     */
    private TurnHasher.Running[] otherChoices;
    private List<String> choiceHmacs;
    /** Choices of one answer whose turns are hashed: a bound on the work and on the held stream tails (2 × 4,096 chars each). */
    static final int HASHED_CHOICES = 8;
    /** {@link #note()} and the disclaimer it was made of. */
    private String note;
    private String noteOf;

    AuditCapture(Exchange exchange, ObjectMapper json, Function<String, String> headers, TextHasher hasher) {
        this(exchange, json, headers, hasher, null);
    }

    AuditCapture(Exchange exchange, ObjectMapper json, Function<String, String> headers, TextHasher hasher, TurnHasher turns) {
        this.turns = turns;
        this.exchange = exchange;
        this.json = json;
        this.sourcesHeader = headers.apply(SOURCES_HEADER);
        this.templateHeader = headers.apply(TEMPLATE_HEADER);
        this.hasher = hasher;
        this.hashKeyId = hasher.activeKeyId();
    }

    public Exchange exchange() {
        return exchange;
    }

    /** Called by the trail once the use-case is known: keep the redacted answer for the content tier. */
    void keepRedactedAnswer() {
        if (!keepAnswer) {
            keepAnswer = true;
            redactedAnswer = new StringBuilder();
        }
    }

    /**
     * Takes the prompt's HMAC now, from the prompt as the tool sent it, and lets the exchange drop its copies of that
     * prompt (the raw body and the sent message texts, {@link Exchange#releaseSentPrompt}): called before the model is
     * called, so that neither lives on in memory while the answer streams; the record carries the same HMAC.
     */
    void settlePrompt() {
        promptHmac();
        exchange.releaseSentPrompt();
    }

    /** The whole model answer as it came from upstream (redacted: placeholders not yet restored). Before any rewrite. */
    public void upstreamReply(ObjectNode reply) {
        collectCitations(reply);
        for (JsonNode choice : reply.path("choices")) {
            collectAnnotations(choice.path("message"));
            if (keepAnswer && choice.path("index").asInt() == 0 && choice.path("message").path("content").isTextual()) {
                appendKept(choice.path("message").path("content").asText());
            }
            if (keepAnswer && choice.path("index").asInt() == 0 && transcript(choice.path("message")) != null) {
                appendKept(transcript(choice.path("message")));
            }
        }
    }

    /**
     * A spoken answer's transcript ({@code audio.transcript}, answer46): the answer's text as the reader gets it, beside
     * content that is {@code null} (review46: it was neither hashed nor kept, so staff who resent it as the assistant's
     * text were judged to have made it up, and an auditor found no answer). Null when there is none.
     */
    private static String transcript(JsonNode messageOrDelta) {
        JsonNode transcript = messageOrDelta.path("audio").path("transcript");
        return transcript.isTextual() && !transcript.asText().isEmpty() ? transcript.asText() : null;
    }

    /** The whole answer as sent to the tool (after restoring placeholders and adding the disclaimer). */
    public void deliveredReply(ObjectNode reply) {
        for (JsonNode choice : reply.path("choices")) {
            int index = choice.path("index").asInt();
            if (index != 0 && (turns == null || index < 0 || index >= HASHED_CHOICES)) {
                continue;
            }
            String text = choice.path("message").path("content").isTextual() ? choice.path("message").path("content").asText() : null;
            if (index == 0 && text != null) {
                hashAnswer(text, false);
            }
            if (turns != null && text != null && !text.isEmpty()) {
                // whole: the disclaimer is known, nothing held back
                turn(index).whole(text, note());
            }
            String transcript = transcript(choice.path("message"));
            if (transcript != null) {
                if (index == 0) {
                    hashAnswer(transcript, false);
                }
                if (turns != null) {
                    turn(index).whole(transcript, note());
                }
            }
            refusalTurn(index, choice.path("message").path("refusal"), false);
            turnCalls(index, choice.path("message").path("tool_calls"));
            legacyCall(index, choice.path("message"));
        }
    }

    /** One chunk as sent to the tool. */
    public void deliveredChunk(ObjectNode chunk) {
        for (JsonNode choice : chunk.path("choices")) {
            int index = choice.path("index").asInt();
            String transcript = transcript(choice.path("delta"));
            if (index == 0) {
                if (choice.path("delta").path("content").isTextual()) {
                    hashAnswer(choice.path("delta").path("content").asText(), true);
                }
                if (transcript != null) {
                    hashAnswer(transcript, true);
                }
            } else if (turns != null && index > 0 && index < HASHED_CHOICES) {
                if (choice.path("delta").path("content").isTextual()) {
                    turn(index).content(choice.path("delta").path("content").asText());
                }
                if (transcript != null) {
                    turn(index).content(transcript);
                }
            } else {
                continue;
            }
            refusalTurn(index, choice.path("delta").path("refusal"), true);
            turnCalls(index, choice.path("delta").path("tool_calls"));
            legacyCall(index, choice.path("delta"));
        }
    }

    /**
     * A refusal the model wrote is part of its turn (redteam45): the purpose guard reads a resent one as the turn's text
     * (message {@code refusal} or a {@code refusal} part), so the delivered one is hashed as text too; the answer's own
     * hash ({@code answer_hmac}) stays the content's.
     */
    private void refusalTurn(int choice, JsonNode refusal, boolean piece) {
        if (turns == null || !refusal.isTextual() || refusal.asText().isEmpty()) {
            return;
        }
        if (piece) {
            turn(choice).content(refusal.asText());
        } else {
            turn(choice).whole(refusal.asText(), null);
        }
    }

    /**
     * The legacy {@code function_call} of an answer without tool calls, as call 0 (the purpose guard reads a resent one
     * after the message's tool calls, so as call 0 when it has none).
     */
    private void legacyCall(int choice, JsonNode message) {
        JsonNode legacy = message.path("function_call");
        if (turns == null || !legacy.isObject() || message.path("tool_calls").isArray() && !message.path("tool_calls").isEmpty()) {
            return;
        }
        turn(choice).toolCall(0, legacy.path("name").isTextual() ? legacy.path("name").asText() : null,
                legacy.path("arguments").isTextual() ? legacy.path("arguments").asText() : null);
    }

    /** Tool calls of one choice as delivered (whole, or a stream's pieces by index) for its turn's hash. */
    private void turnCalls(int choice, JsonNode calls) {
        if (turns == null || !calls.isArray() || calls.isEmpty()) {
            return;
        }
        int position = 0;
        for (JsonNode call : calls) {
            int index = call.path("index").isInt() ? call.path("index").asInt() : position;
            if (index >= 0 && index < 128) {
                // a custom tool's call by its name and input, as the purpose guard reads a resent one (redteam45)
                turn(choice).toolCall(index, ToolCallText.name(call), ToolCallText.text(call));
            }
            position++;
        }
    }

    /** The text of choice 0 in one chunk as sent to the tool, for a chunk sent as it came ({@link RawChunk}). */
    public void deliveredText(String text) {
        hashAnswer(text, true);
    }

    /** Wraps the sink that rewrites the upstream stream, to see each chunk before it is rewritten. */
    public ChunkSink tap(ChunkSink next) {
        return new ForwardingChunkSink(next) {
            @Override
            public void chunk(ObjectNode chunk) {
                upstreamChunk(chunk);
                next.chunk(chunk);
            }

            @Override
            public void pending(ObjectNode chunk) {
                upstreamChunk(chunk);
                next.pending(chunk);
            }

            @Override
            public void pending(RawChunk chunk) {
                String text = chunk.plainContent();
                if (text == null) {
                    pending(chunk.tree());
                    return;
                }
                // a plain text event carries no citations or annotations: only its text may be kept
                if (keepAnswer) {
                    appendKept(text);
                }
                next.pending(chunk);
            }
        };
    }

    void upstreamChunk(ObjectNode chunk) {
        collectCitations(chunk);
        for (JsonNode choice : chunk.path("choices")) {
            collectAnnotations(choice.path("delta"));
            if (keepAnswer && choice.path("index").asInt() == 0 && choice.path("delta").path("content").isTextual()) {
                appendKept(choice.path("delta").path("content").asText());
            }
            if (keepAnswer && choice.path("index").asInt() == 0 && transcript(choice.path("delta")) != null) {
                appendKept(transcript(choice.path("delta")));
            }
        }
    }

    private void appendKept(String text) {
        if (redactedAnswer.length() + text.length() <= MAX_KEPT_ANSWER) {
            redactedAnswer.append(text);
        }
    }

    /** @param piece a stream's piece (also to the turn's running hash); else a whole answer's text */
    private void hashAnswer(String text, boolean piece) {
        if (!text.isEmpty()) {
            answerSeen = true;
            feed().text(text).flush();
            if (piece && turns != null) {
                turn().content(text);
            }
        }
    }

    /** What the gateway appended to the answer's text: the separator and the disclaimer, or null. */
    private String note() {
        String disclaimer = exchange.disclaimerMade();
        if (disclaimer == null || disclaimer.isEmpty()) {
            return null;
        }
        // put together once per disclaimer (cost45: a whole answer asks twice, and the disclaimer is a few hundred bytes)
        if (disclaimer != noteOf) {
            note = TurnHasher.DISCLAIMER_SEPARATOR + disclaimer;
            noteOf = disclaimer;
        }
        return note;
    }

    private void collectCitations(JsonNode node) {
        for (JsonNode c : node.path("citations")) {
            addCitation(c.isTextual() ? c.asText() : c.path("url").asText(null));
        }
    }

    private void collectAnnotations(JsonNode message) {
        for (JsonNode a : message.path("annotations")) {
            JsonNode url = a.path("url_citation").path("url");
            addCitation(url.isTextual() ? url.asText() : a.path("url").asText(null));
        }
    }

    private void addCitation(String ref) {
        if (ref != null && !ref.isBlank() && citations.size() < MAX_REFERENCES) {
            citations.add(clip(ref.strip()));
        }
    }

    // ---- read by the record factory ----

    String hashKeyId() {
        return hashKeyId;
    }

    /** HMAC of the prompt as the tool sent it ({@link #originalPrompt}), taken once: before the model call or for the record. */
    String promptHmac() {
        if (!promptSettled) {
            List<String> sent = exchange.sentMessageTexts();
            if (sent != null) { // as originalPrompt(), without the joined text
                if (sent.isEmpty()) {
                    promptHmac = null;
                } else if (answerSeen) { // the request's MAC holds part of the answer
                    promptHmac = hasher.hashJoined(sent, PROMPT_SEPARATOR);
                } else {
                    promptHmac = HexFormat.of().formatHex(feed().joined(sent, PROMPT_SEPARATOR).doFinal());
                    feed.wipe(); // the prompt as sent leaves memory before the model call (settlePrompt)
                }
            } else {
                String prompt = originalPrompt();
                promptHmac = prompt == null ? null : hasher.hash(prompt);
            }
            promptSettled = true;
        }
        return promptHmac;
    }

    /**
     * HMAC of the answer text as delivered (choice 0, all content concatenated, then a spoken answer's transcript); null
     * when there was none.
     */
    String answerHmac() {
        if (answerHmac == null && answerSeen) {
            answerHmac = HexFormat.of().formatHex(feed.doFinal()); // once: doFinal resets the MAC
        }
        return answerHmac;
    }

    /**
     * The delivered turn's keyed hash ({@link TurnHasher}: whitespace collapsed, the disclaimer the gateway appended cut,
     * tool calls' names and arguments), taken once; null when nothing was delivered.
     */
    String turnHmac() {
        if (turnHmac == null && turn != null && turn.seen()) {
            turnHmac = turn.finish(note());
        }
        return turnHmac;
    }

    /**
     * The keyed hashes of the other choices delivered (choices 1 to {@link #HASHED_CHOICES}-1 of an answer with
     * {@code n > 1}, in order, those with neither text nor tool call left out), taken once; null when there were none.
     */
    List<String> choiceHmacs() {
        if (otherChoices != null) {
            List<String> hashes = new ArrayList<>(otherChoices.length);
            for (TurnHasher.Running choice : otherChoices) {
                if (choice != null && choice.seen()) {
                    hashes.add(choice.finish(note()));
                }
            }
            otherChoices = null;
            choiceHmacs = hashes.isEmpty() ? null : List.copyOf(hashes);
        }
        return choiceHmacs;
    }

    private TurnHasher.Running turn() {
        if (turn == null) {
            turn = turns.running();
        }
        return turn;
    }

    private TurnHasher.Running turn(int choice) {
        if (choice == 0) {
            return turn();
        }
        if (otherChoices == null) {
            otherChoices = new TurnHasher.Running[HASHED_CHOICES];
        }
        if (otherChoices[choice] == null) {
            otherChoices[choice] = turns.running();
        }
        return otherChoices[choice];
    }

    private MacFeed feed() {
        if (feed == null) {
            feed = new MacFeed(hasher.newMac(), FEED_BYTES);
        }
        return feed;
    }

    List<String> citations() {
        return List.copyOf(citations);
    }

    String redactedAnswer() {
        return redactedAnswer == null ? null : redactedAnswer.toString();
    }

    List<String> sources() {
        Set<String> refs = new LinkedHashSet<>();
        addReferences(refs, sourcesHeader);
        metadata(SOURCES_METADATA).ifPresent(value -> addReferences(refs, value));
        return List.copyOf(refs);
    }

    String promptTemplate() {
        if (templateHeader != null && !templateHeader.isBlank()) {
            return clip(templateHeader.strip());
        }
        return metadata(TEMPLATE_METADATA).map(String::strip).filter(s -> !s.isEmpty()).map(AuditCapture::clip).orElse(null);
    }

    /** The prompt text as the tool sent it (all message texts, before redaction), joined by blank lines. */
    String originalPrompt() {
        List<String> sent = exchange.sentMessageTexts();
        if (sent != null) {
            return sent.isEmpty() ? null : String.join(PROMPT_SEPARATOR, sent);
        }
        // refused before the body was read as a request (or not valid as one): read it here
        byte[] raw = exchange.rawBody();
        if (raw == null || raw.length == 0) {
            return null;
        }
        try {
            JsonNode body = json.readTree(raw);
            return body instanceof ObjectNode object ? joinTexts(new ChatRequest(object)) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The prompt as it left for the model (after the policy's redaction). */
    String outgoingPrompt() {
        return exchange.request() == null ? null : joinTexts(exchange.request());
    }

    public static String joinTexts(ChatRequest request) {
        List<String> texts = new ArrayList<>();
        for (TextSlot slot : request.messageTexts()) {
            texts.add(slot.get());
        }
        return texts.isEmpty() ? null : String.join(PROMPT_SEPARATOR, texts);
    }

    private java.util.Optional<String> metadata(String field) {
        if (exchange.request() == null) {
            return java.util.Optional.empty();
        }
        return exchange.request().gatewayMetadata(field);
    }

    private void addReferences(Set<String> refs, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String trimmed = value.strip();
        if (trimmed.startsWith("[")) {
            try {
                for (JsonNode n : json.readTree(trimmed)) {
                    add(refs, n.asText());
                }
                return;
            } catch (java.io.IOException ignored) {
                // not a JSON array: treat as comma-separated
            }
        }
        for (String part : trimmed.split("[,\\n]")) {
            add(refs, part);
        }
    }

    private static void add(Set<String> refs, String ref) {
        String r = ref == null ? "" : ref.strip();
        if (!r.isEmpty() && refs.size() < MAX_REFERENCES) {
            refs.add(clip(r));
        }
    }

    private static String clip(String s) {
        return s.length() <= MAX_REFERENCE_LENGTH ? s : s.substring(0, MAX_REFERENCE_LENGTH);
    }
}
