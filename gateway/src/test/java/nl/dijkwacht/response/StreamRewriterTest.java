package nl.dijkwacht.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.invoke.RawChunk;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.UseCasePolicy;
import org.junit.jupiter.api.Test;

/** The stream is rewritten as it flows: each upstream chunk is forwarded at once, holding back only a possible placeholder. */
class StreamRewriterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final List<ObjectNode> sent = new ArrayList<>();
    private boolean done;

    private final ChunkOutput out = new ChunkOutput() {
        @Override
        public void start() {
        }

        @Override
        public void chunk(ObjectNode chunk) {
            sent.add(chunk);
        }

        @Override
        public void done() {
            done = true;
        }
    };

    private Exchange exchange() {
        ModelDefinition model = new ModelDefinition("m", null, ProviderKind.OPENAI_COMPATIBLE, URI.create("http://x"), "m", null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), true, "m.yaml");
        Exchange exchange = new Exchange("t1", Endpoint.CHAT_COMPLETIONS, CallerHeaders.NONE,
                new PolicySet("v", Map.of(), Map.of(), new ModelCatalog(List.of(model)), List.of()));
        ObjectNode body = json.createObjectNode().put("stream", true);
        body.putArray("messages");
        exchange.request(new ChatRequest(body));
        exchange.model(model);
        exchange.useCase(new UseCasePolicy("u", "p", List.of("m"), OperatorPolicy.pseudonymiseAll(), "Let op: AI ({trace_id})"));
        exchange.vault().placeholderFor(EntityType.PERSON, "Jan de Vries");
        return exchange;
    }

    private ObjectNode content(String text) {
        ObjectNode chunk = json.createObjectNode().put("id", "c").put("object", "chat.completion.chunk");
        chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", text);
        return chunk;
    }

    private String sentText() {
        StringBuilder text = new StringBuilder();
        sent.forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
        return text.toString();
    }

    @Test
    void forwardsEachChunkAsItArrivesAndHoldsBackOnlyAnUnfinishedPlaceholder() {
        StreamRewriter rewriter = new StreamRewriter(exchange(), out, new Disclaimer(null), null, json);

        rewriter.chunk(content("Beste "));
        assertThat(sentText()).isEqualTo("Beste ");
        rewriter.chunk(content("[PERS"));
        assertThat(sentText()).isEqualTo("Beste ");
        rewriter.chunk(content("OON_1], hierbij"));
        assertThat(sentText()).isEqualTo("Beste Jan de Vries, hierbij");
        assertThat(sent).hasSize(3);

        ObjectNode finish = json.createObjectNode();
        finish.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
        rewriter.chunk(finish);
        rewriter.complete();

        assertThat(sentText()).isEqualTo("Beste Jan de Vries, hierbij\n\n---\nLet op: AI (t1)");
        assertThat(sent.getLast().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(done).isTrue();
    }

    /**
     * As in a whole answer (rewrite27): a text answer gets the disclaimer even when its text is empty ({@code "content":
     * ""}, a stop for length or by a filter), and a refusal gets none in its content — also when the events come as bytes;
     * a refusal's placeholders are restored.
     */
    @Test
    void anEmptyTextAnswerGetsTheDisclaimerARefusalDoesNot() {
        for (boolean raw : new boolean[] {false, true}) {
            sent.clear();
            StreamRewriter empty = new StreamRewriter(exchange(), out, new Disclaimer(null), null, json);
            ObjectNode role = content("");
            ((ObjectNode) role.at("/choices/0/delta")).put("role", "assistant");
            give(empty, role, raw);
            ObjectNode finish = json.createObjectNode();
            finish.putArray("choices").addObject().put("index", 0).put("finish_reason", "length").putObject("delta");
            empty.chunk(finish);
            empty.complete();
            assertThat(sentText()).as("raw " + raw).isEqualTo("\n\n---\nLet op: AI (t1)");
            assertThat(sent.getLast().at("/dijkwacht/in_content").asBoolean()).isTrue();

            sent.clear();
            StreamRewriter refusal = new StreamRewriter(exchange(), out, new Disclaimer(null), null, json);
            ObjectNode start = content("");
            ((ObjectNode) start.at("/choices/0/delta")).put("role", "assistant").putNull("content").put("refusal", "");
            give(refusal, start, raw);
            ObjectNode refused = json.createObjectNode();
            refused.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", "").put("refusal", "Daar help ik [PERS");
            give(refusal, refused, raw);
            ObjectNode more = json.createObjectNode();
            more.putArray("choices").addObject().put("index", 0).putObject("delta").put("refusal", "OON_1] niet bij.");
            give(refusal, more, raw);
            refusal.chunk(finish.deepCopy());
            refusal.complete();
            assertThat(sentText()).as("raw " + raw).isEmpty();
            // the refusal is the model's text too: its placeholders are restored, as in a whole answer
            StringBuilder refusalText = new StringBuilder();
            sent.forEach(c -> refusalText.append(c.at("/choices/0/delta/refusal").asText("")));
            assertThat(refusalText.toString()).isEqualTo("Daar help ik Jan de Vries niet bij.");
            assertThat(sent.getLast().at("/dijkwacht/in_content").asBoolean()).isFalse();
        }
    }

    /**
     * review43: an event whose delta has text and a refusal together. As a tree its refusal was restored; as bytes the
     * event counted as a plain text event (only its text was read), so the refusal went on as it came — a placeholder
     * unrestored, with {@code redact} personal data in it unredacted. Both ways now give the refusal restored.
     */
    @Test
    void aRefusalBesideTextInOneEventIsRestoredAlsoWhenTheEventComesAsBytes() {
        for (boolean raw : new boolean[] {false, true}) {
            sent.clear();
            StreamRewriter rewriter = new StreamRewriter(exchange(), out, new Disclaimer(null), null, json);
            ObjectNode both = content("Hallo. ");
            ((ObjectNode) both.at("/choices/0/delta")).put("refusal", "Daar help ik [PERSOON_1] niet bij.");
            give(rewriter, both, raw);
            ObjectNode finish = json.createObjectNode();
            finish.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
            rewriter.chunk(finish);
            rewriter.complete();
            StringBuilder refusalText = new StringBuilder();
            sent.forEach(c -> refusalText.append(c.at("/choices/0/delta/refusal").asText("")));
            assertThat(refusalText.toString()).as("raw " + raw).isEqualTo("Daar help ik Jan de Vries niet bij.");
            assertThat(sentText()).as("raw " + raw).isEqualTo("Hallo. ");
        }
    }

    /**
     * answer46: a spoken answer's transcript is restored across deltas like content — also the piece the finishing event
     * carries — and, with no text content beside it, ends with the disclaimer; the speech passes as it came.
     */
    @Test
    void aSpokenAnswersTranscriptIsRestoredAcrossDeltasAndGetsTheDisclaimer() {
        for (boolean raw : new boolean[] {false, true}) {
            sent.clear();
            StreamRewriter rewriter = new StreamRewriter(exchange(), out, new Disclaimer(null), null, json);
            ObjectNode start = content("");
            ((ObjectNode) start.at("/choices/0/delta")).put("role", "assistant").putNull("content").putNull("refusal");
            give(rewriter, start, raw);
            give(rewriter, audio(a -> a.put("id", "audio_1").put("transcript", "Beste [PERS")), raw);
            give(rewriter, audio(a -> a.put("data", "AAAA")), raw);
            ObjectNode finish = audio(a -> a.put("transcript", "OON_1], tot ziens."));
            ((ObjectNode) finish.at("/choices/0")).put("finish_reason", "stop");
            rewriter.chunk(finish);
            rewriter.complete();
            StringBuilder transcript = new StringBuilder();
            sent.forEach(c -> transcript.append(c.at("/choices/0/delta/audio/transcript").asText("")));
            assertThat(transcript.toString()).as("raw " + raw).isEqualTo("Beste Jan de Vries, tot ziens.\n\n---\nLet op: AI (t1)");
            assertThat(sent).as("raw " + raw).anyMatch(c -> c.at("/choices/0/delta/audio/data").asText().equals("AAAA"));
            assertThat(sentText()).as("raw " + raw).isEmpty();
            assertThat(sent.getLast().at("/dijkwacht/in_content").asBoolean()).isTrue();
        }
    }

    private ObjectNode audio(java.util.function.Consumer<ObjectNode> audio) {
        ObjectNode chunk = json.createObjectNode().put("id", "c").put("object", "chat.completion.chunk");
        audio.accept(chunk.putArray("choices").addObject().put("index", 0).putObject("delta").putObject("audio"));
        return chunk;
    }

    private void give(StreamRewriter rewriter, ObjectNode chunk, boolean raw) {
        if (raw) {
            byte[] bytes = chunk.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            rewriter.pending(new RawChunk(bytes, bytes.length, json));
            rewriter.flush();
        } else {
            rewriter.chunk(chunk);
        }
    }

    /** Events the upstream delivered together go out together: nothing is sent before the relay's flush, or done. */
    @Test
    void pendingChunksWaitForTheFlushAndTheLastOnesGoOutWithDone() {
        List<String> log = new ArrayList<>();
        ChunkOutput recording = new Recording(log, chunk -> "sent " + chunk.at("/choices/0/delta/content").asText(""),
                chunk -> "pending " + chunk.at("/choices/0/delta/content").asText("")
                        + chunk.at("/choices/0/finish_reason").asText(""));
        StreamRewriter rewriter = new StreamRewriter(exchange(), recording, new Disclaimer(null), null, json);

        ObjectNode role = content("");
        ((ObjectNode) role.at("/choices/0/delta")).put("role", "assistant");
        rewriter.pending(role);
        rewriter.pending(content("Beste "));
        rewriter.pending(content("[PERSOON_1], "));
        // the first text goes at once (the tool shows the answer is coming), the rest waits for the relay's flush
        assertThat(log).containsExactly("pending ", "pending Beste ", "flush", "pending Jan de Vries, ");
        rewriter.flush();
        rewriter.chunk(content("tot "));
        ObjectNode finish = json.createObjectNode();
        finish.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
        rewriter.pending(finish);
        ObjectNode usage = json.createObjectNode();
        usage.putArray("choices");
        usage.putObject("usage").put("prompt_tokens", 3).put("completion_tokens", 4);
        rewriter.pending(usage);
        rewriter.complete();

        assertThat(log).containsExactly("pending ", "pending Beste ", "flush", "pending Jan de Vries, ", "flush",
                "pending tot ", "flush",
                "pending \n\n---\nLet op: AI (t1)", "pending stop", "done");
    }

    /** Plain text events that pass as their bytes: the first with text is sent at once too, the later ones wait. */
    @Test
    void theFirstTextIsSentAtOnceAlsoWhenItPassesAsBytes() throws Exception {
        List<String> log = new ArrayList<>();
        ChunkOutput recording = new Recording(log, chunk -> "sent", chunk -> "tree");
        StreamRewriter rewriter = new StreamRewriter(exchange(), recording, new Disclaimer(null), null, json);

        rewriter.pending(raw(content("")));
        rewriter.pending(raw(content("")));
        rewriter.pending(raw(content("Hallo")));
        rewriter.pending(raw(content(" daar")));

        assertThat(log).containsExactly("bytes ", "bytes ", "bytes Hallo", "flush", "bytes  daar");
    }

    /**
     * The first event's text reaches the tool as its bytes and is sent before anything else is done with it; the chunks
     * the gateway makes at the end (the disclaimer, the extension field) still take their frame from that first event.
     */
    @Test
    void aPlainFirstEventIsSentAsItsBytesAndStillFramesTheGatewaysOwnChunks() throws Exception {
        List<String> log = new ArrayList<>();
        ChunkOutput recording = new Recording(log, chunk -> "sent " + chunk,
                chunk -> "tree " + chunk.path("id").asText() + " " + chunk.path("model").asText() + " "
                        + chunk.at("/choices/0/delta/content").asText("") + chunk.path("dijkwacht").path("disclaimer").asText(""));
        StreamRewriter rewriter = new StreamRewriter(exchange(), recording, new Disclaimer(null), null, json);
        ObjectNode first = content("Hallo");
        first.put("model", "m-2024");
        ((ObjectNode) first.at("/choices/0/delta")).put("role", "assistant");

        rewriter.pending(raw(first));
        rewriter.pending(raw(content(" daar")));
        rewriter.complete();

        assertThat(log.subList(0, 3)).containsExactly("bytes Hallo", "flush", "bytes  daar");
        assertThat(log.get(3)).isEqualTo("tree c m-2024 \n\n---\nLet op: AI (t1)");
        assertThat(log.get(4)).startsWith("tree c m-2024 ");
        assertThat(log).last().isEqualTo("done");
    }

    /** Logs what the rewriter hands on: trees as the test formats them, events passed as bytes by their text. */
    private record Recording(List<String> log, Function<ObjectNode, String> sent, Function<ObjectNode, String> tree)
            implements ChunkOutput {
        @Override
        public void start() {
        }

        @Override
        public void chunk(ObjectNode chunk) {
            log.add(sent.apply(chunk));
        }

        @Override
        public void pending(ObjectNode chunk) {
            log.add(tree.apply(chunk));
        }

        @Override
        public void pending(RawChunk chunk) {
            log.add("bytes " + chunk.plainContent());
        }

        @Override
        public void flush() {
            log.add("flush");
        }

        @Override
        public void done() {
            log.add("done");
        }
    }

    private RawChunk raw(ObjectNode chunk) throws Exception {
        byte[] bytes = json.writeValueAsBytes(chunk);
        return new RawChunk(bytes, bytes.length, json);
    }

    @Test
    void restoresAPlaceholderSplitAtEveryOffset() {
        String answer = "Geachte [PERSOON_1], met vriendelijke groet aan [PERSOON_1].";
        for (int cut = 1; cut < answer.length(); cut++) {
            sent.clear();
            StreamRewriter rewriter = new StreamRewriter(exchange(), out, new Disclaimer(null), null, json);
            rewriter.chunk(content(answer.substring(0, cut)));
            rewriter.chunk(content(answer.substring(cut)));
            rewriter.complete();
            assertThat(sentText()).as("cut at %d", cut)
                    .startsWith("Geachte Jan de Vries, met vriendelijke groet aan Jan de Vries.");
        }
    }

    /** vLLM, Ollama and others send the last words in the chunk that finishes: they go out before the disclaimer. */
    @Test
    void textInTheFinishingChunkComesBeforeTheDisclaimer() {
        StreamRewriter rewriter = new StreamRewriter(exchange(), out, new Disclaimer(null), null, json);

        rewriter.chunk(content("Beste [PERSOON_1], "));
        ObjectNode last = content("tot ziens.");
        ((ObjectNode) last.withArray("choices").get(0)).put("finish_reason", "stop");
        rewriter.chunk(last);
        rewriter.complete();

        assertThat(sentText()).isEqualTo("Beste Jan de Vries, tot ziens.\n\n---\nLet op: AI (t1)");
        assertThat(sent.getLast().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    }

    /** The disclaimer is written when the answer ends, so it names the model that gave it (after a fallback too). */
    @Test
    void theDisclaimerNamesTheModelOnTheExchangeWhenTheAnswerEnds() {
        Exchange exchange = exchange();
        exchange.useCase(new UseCasePolicy("u", "p", List.of("m", "n"), OperatorPolicy.pseudonymiseAll(), "AI-tekst ({model})"));
        StreamRewriter rewriter = new StreamRewriter(exchange, out, new Disclaimer(null), null, json);
        exchange.model(new ModelDefinition("n", null, ProviderKind.OPENAI_COMPATIBLE, URI.create("http://y"), "n", null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), true, "n.yaml"));

        rewriter.chunk(content("Hallo."));
        rewriter.complete();

        assertThat(sentText()).isEqualTo("Hallo.\n\n---\nAI-tekst (n)");
    }

    /**
     * Plain text events may reach the tool as the bytes they came in: every stream gives the same chunks (as JSON) as
     * when each event is read as a tree, with placeholders cut at every offset, the disclaimer, the finishing chunk and
     * usage; the events whose text the rewrite leaves alone go on as they came, the others as trees.
     */
    @Test
    void plainEventsAsBytesGiveTheSameStreamAsTrees() throws Exception {
        String answer = "Geachte [PERSOON_1], met vriendelijke groet aan [PERSOON_1]. Tot ziens.";
        for (int cut = 1; cut < answer.length(); cut++) {
            List<String> events = new ArrayList<>();
            events.add("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}");
            for (String piece : List.of(answer.substring(0, cut), answer.substring(cut))) {
                ObjectNode chunk = content(piece);
                chunk.put("model", "m").putNull("usage");
                ((ObjectNode) chunk.withArray("choices").get(0)).putNull("logprobs").putNull("finish_reason");
                events.add(json.writeValueAsString(chunk));
            }
            events.add("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
            events.add("{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}");

            List<String> asTrees = new ArrayList<>();
            List<String> asBytes = new ArrayList<>();
            int[] passed = {0};
            StreamRewriter trees = new StreamRewriter(exchange(), collecting(asTrees, passed), new Disclaimer(null), null, json);
            StreamRewriter bytes = new StreamRewriter(exchange(), collecting(asBytes, passed), new Disclaimer(null), null, json);
            for (String event : events) {
                trees.pending((ObjectNode) json.readTree(event));
                byte[] b = (event + "rest of the buffer").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.pending(new RawChunk(b, event.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, json));
            }
            trees.complete();
            bytes.complete();

            assertThat(asBytes).as("cut at %d", cut).isEqualTo(asTrees);
            assertThat(String.join("", asBytes.stream().map(this::contentOf).toList())).as("cut at %d", cut)
                    .isEqualTo("Geachte Jan de Vries, met vriendelijke groet aan Jan de Vries. Tot ziens.\n\n---\nLet op: AI (t1)");
        }
    }

    /** A text event without a placeholder in reach passes as its bytes, the first one too. */
    @Test
    void textTheRewriteLeavesAloneGoesOnAsItsBytes() throws Exception {
        List<String> sentJson = new ArrayList<>();
        int[] passed = {0};
        StreamRewriter rewriter = new StreamRewriter(exchange(), collecting(sentJson, passed), new Disclaimer(null), null, json);
        for (String text : List.of("Beste ", "Jan, ", "tot [PERS", "OON_1]", " ziens")) {
            String event = json.writeValueAsString(content(text));
            byte[] b = event.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            rewriter.pending(new RawChunk(b, b.length, json));
        }
        // "Beste ", "Jan, " and " ziens" as they came; "tot " (held "[PERS") and the restored name as trees
        assertThat(passed[0]).isEqualTo(3);
        assertThat(String.join("", sentJson.stream().map(this::contentOf).toList())).isEqualTo("Beste Jan, tot Jan de Vries ziens");
    }

    private ChunkOutput collecting(List<String> sentJson, int[] passedAsBytes) {
        return new ChunkOutput() {
            @Override
            public void start() {
            }

            @Override
            public void chunk(ObjectNode chunk) {
                sentJson.add(chunk.toString());
            }

            @Override
            public void pending(RawChunk chunk) {
                passedAsBytes[0]++;
                // as the tool reads it: the bytes, parsed
                sentJson.add(new String(chunk.bytes(), 0, chunk.length(), java.nio.charset.StandardCharsets.UTF_8));
            }

            @Override
            public void done() {
                sentJson.add("[DONE]");
            }
        };
    }

    private String contentOf(String event) {
        try {
            return event.equals("[DONE]") ? "" : json.readTree(event).at("/choices/0/delta/content").asText("");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
