package nl.dijkwacht.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.RequestFieldRules;
import nl.dijkwacht.policy.RiskClass;
import nl.dijkwacht.policy.UseCasePolicy;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 items 3 and 4 on a stream: personal data the model adds is redacted chunk by chunk (never a raw piece
 * reaches the tool, wherever the chunks are cut), tool-call arguments too; structured answers get the disclaimer only
 * in the extension field.
 */
class StreamOutputScanTest {

    private static final String FRESH = "p.pietersen@example.org";
    private final ObjectMapper json = new ObjectMapper();
    private final OutputScan scan = new OutputScan(PiiEngine.structuredOnly(), new Anonymizer("0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
    private final List<ObjectNode> sent = new ArrayList<>();
    private final ChunkOutput out = new ChunkOutput() {
        @Override
        public void start() {
        }

        @Override
        public void chunk(ObjectNode chunk) {
            sent.add(chunk.deepCopy());
        }

        @Override
        public void done() {
        }
    };

    private Exchange exchange(boolean redact, String responseFormat) {
        ModelDefinition model = new ModelDefinition("m", null, ProviderKind.OPENAI_COMPATIBLE, URI.create("http://x"), "m", null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), true, "m.yaml");
        Exchange exchange = new Exchange("t1", Endpoint.CHAT_COMPLETIONS, new CallerHeaders(null),
                new PolicySet("v", Map.of(), Map.of(), new ModelCatalog(List.of(model)), List.of()));
        ObjectNode body = json.createObjectNode().put("stream", true);
        body.putArray("messages");
        if (responseFormat != null) {
            body.putObject("response_format").put("type", responseFormat);
        }
        exchange.request(new ChatRequest(body));
        exchange.model(model);
        exchange.useCase(new UseCasePolicy("u", "p", List.of("m"), OperatorPolicy.pseudonymiseAll(), "AI-tekst ({trace_id})",
                false, RiskClass.MINIMAL, List.of(), List.of(), List.of(), false, List.of(), false, 0, null, redact,
                RequestFieldRules.defaults()));
        exchange.vault().placeholderFor(EntityType.EMAIL, "anna@example.nl");
        return exchange;
    }

    private static ObjectNode content(String text) {
        ObjectNode chunk = new ObjectMapper().createObjectNode().put("id", "c").put("object", "chat.completion.chunk");
        chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", text);
        return chunk;
    }

    private static ObjectNode finish(String reason) {
        ObjectNode chunk = new ObjectMapper().createObjectNode().put("id", "c").put("object", "chat.completion.chunk");
        chunk.putArray("choices").addObject().put("index", 0).put("finish_reason", reason).putObject("delta");
        return chunk;
    }

    private String sentText() {
        StringBuilder text = new StringBuilder();
        sent.forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
        return text.toString();
    }

    @Test
    void freshPersonalDataIsRedactedWhereverTheStreamIsCut() {
        String answer = "Ik stuur het naar [EMAIL_1] en ook naar de buurman, " + FRESH + ", die het moet weten. "
                + "Verder is er niets aan de hand en sluiten we het dossier met vriendelijke groet.";
        for (int cut = 1; cut < answer.length(); cut += 3) {
            sent.clear();
            Exchange exchange = exchange(true, null);
            StreamRewriter rewriter = new StreamRewriter(exchange, out, new Disclaimer(null), scan.of(exchange), json);
            rewriter.chunk(content(answer.substring(0, cut)));
            rewriter.chunk(content(answer.substring(cut)));
            rewriter.chunk(finish("stop"));
            rewriter.complete();
            assertThat(sent).as("cut at %d", cut).allSatisfy(c -> assertThat(c.toString()).doesNotContain("pietersen"));
            assertThat(sentText()).as("cut at %d", cut).startsWith("Ik stuur het naar anna@example.nl en ook naar de buurman, [EMAIL], die het")
                    .contains("met vriendelijke groet.");
            assertThat(exchange.outputEntityCounts()).containsEntry(EntityType.EMAIL, 1);
        }
    }

    /** Session 48's review: the answer's BSN with its cue a few words before it ("Het BSN in het dossier is …"). */
    @Test
    void aFreshBsnWhoseCueStandsAFewWordsBeforeIsRedactedWholeAndStreamed() {
        String answer = "Het BSN in het dossier is 644732076. Zijn burgerservicenummer staat in het dossier: 111222333.";
        OutputScan full = new OutputScan(PiiEngine.dutchDefault(), new Anonymizer("0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        Exchange whole = exchange(true, null);
        assertThat(full.of(whole).apply(answer))
                .isEqualTo("Het BSN in het dossier is [BSN]. Zijn burgerservicenummer staat in het dossier: [BSN].");
        assertThat(whole.outputEntityCounts()).containsEntry(EntityType.BSN, 2);
        for (int cut = 1; cut < answer.length(); cut += 7) {
            sent.clear();
            Exchange exchange = exchange(true, null);
            StreamRewriter rewriter = new StreamRewriter(exchange, out, new Disclaimer(null), full.of(exchange), json);
            rewriter.chunk(content(answer.substring(0, cut)));
            rewriter.chunk(content(answer.substring(cut)));
            rewriter.chunk(finish("stop"));
            rewriter.complete();
            assertThat(sentText()).as("cut at %d", cut).doesNotContain("644732076").doesNotContain("111222333");
        }
    }

    @Test
    void tokensArriveOneByOneAndOnlyABoundedTailIsHeld() {
        Exchange exchange = exchange(true, null);
        StreamRewriter rewriter = new StreamRewriter(exchange, out, new Disclaimer(null), scan.of(exchange), json);
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            String token = "woord" + i + " ";
            answer.append(token);
            rewriter.chunk(content(token));
            assertThat(answer.length() - sentText().length()).isLessThanOrEqualTo(StreamingOutputScan.HOLD + StreamingOutputScan.STEP);
        }
        rewriter.chunk(content("mail " + FRESH + " nu"));
        rewriter.chunk(finish("stop"));
        rewriter.complete();
        assertThat(sentText()).startsWith(answer.toString()).contains("mail [EMAIL] nu").doesNotContain(FRESH);
    }

    @Test
    void withFlagOnlyTextPassesAtOnceAndIsCounted() {
        Exchange exchange = exchange(false, null);
        StreamRewriter rewriter = new StreamRewriter(exchange, out, new Disclaimer(null), scan.of(exchange), json);
        rewriter.chunk(content("Mail " + FRESH));
        assertThat(sentText()).isEqualTo("Mail " + FRESH);
        rewriter.chunk(finish("stop"));
        rewriter.complete();
        assertThat(exchange.outputEntityCounts()).containsEntry(EntityType.EMAIL, 1);
    }

    @Test
    void withFlagALongAnswerStreamedWordByWordCountsWhatTheWholeAnswerScanCounts() {
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            answer.append("zin ").append(i).append(" gaat over de aanvraag");
            // fresh e-mail addresses spread over several scan windows, one of them across the first window's edge
            answer.append(i % 17 == 3 ? ", mail buur" + i + "@example.org. " : ". ");
        }
        Exchange whole = exchange(false, null);
        scan.of(whole).apply(answer.toString());

        Exchange streamed = exchange(false, null);
        StreamRewriter rewriter = new StreamRewriter(streamed, out, new Disclaimer(null), scan.of(streamed), json);
        int sentBefore = 0;
        for (String word : answer.toString().split("(?<= )")) {
            rewriter.chunk(content(word));
            assertThat(sentText().length() - sentBefore).as("passes at once").isEqualTo(word.length());
            sentBefore = sentText().length();
        }
        rewriter.chunk(finish("stop"));
        rewriter.complete();

        assertThat(answer.length()).isGreaterThan(3 * StreamingOutputScan.COUNT_STEP);
        assertThat(sentText()).startsWith(answer.toString());
        assertThat(streamed.outputEntityCounts()).isEqualTo(whole.outputEntityCounts()).containsEntry(EntityType.EMAIL, 7);
    }

    /**
     * rewrite27: the windows are set by the text, not by where the events were cut, and a whole answer is scanned in the
     * same windows — so with redact the whole answer and every chunking of its stream give the same text and counts
     * (before, a name the model finder saw in a whole answer's long text could be missed in a stream's window).
     */
    @Test
    void withRedactEveryChunkingGivesWhatTheWholeAnswerGives() {
        String answer = "Geachte heer Bakker, uw aanvraag is ontvangen. Zoals besproken met Piet de Vries en Els Jansen "
                + "sturen wij het besluit naar " + FRESH + " en naar 06-98765432; , twee weken later volgt de brief van "
                + "mevrouw Van den Berg. Met vriendelijke groet, Karin Smit, gemeente 😀 é.";
        Exchange whole = exchange(true, null);
        String wholeText = scan.of(whole).apply(answer);
        assertThat(wholeText).doesNotContain(FRESH).contains("[EMAIL]");
        java.util.Random random = new java.util.Random(27);
        for (int round = 0; round < 40; round++) {
            sent.clear();
            Exchange streamed = exchange(true, null);
            StreamRewriter rewriter = new StreamRewriter(streamed, out, new Disclaimer(null), scan.of(streamed), json);
            for (int i = 0; i < answer.length(); ) {
                int end = Math.min(answer.length(), i + 1 + random.nextInt(round % 2 == 0 ? 4 : 60));
                rewriter.chunk(content(answer.substring(i, end)));
                i = end;
            }
            rewriter.chunk(finish("stop"));
            rewriter.complete();
            assertThat(sentText()).as("round %d", round).isEqualTo(wholeText + "\n\n---\nAI-tekst (t1)");
            assertThat(streamed.outputEntityCounts()).as("round %d", round).isEqualTo(whole.outputEntityCounts());
        }
    }

    /** Arguments are JSON only when the whole text is one JSON value: "111222333 mail …" is text, and scanned as text. */
    @Test
    void argumentsThatOnlyStartAsJsonAreScannedAsText() {
        Exchange exchange = exchange(true, null);
        assertThat(scan.of(exchange).applyToArguments("111222333 mail " + FRESH + " nu", json)).isEqualTo("[BSN] mail [EMAIL] nu");
        assertThat(exchange.outputEntityCounts()).containsEntry(EntityType.EMAIL, 1).containsEntry(EntityType.BSN, 1);
    }

    @Test
    void toolCallArgumentsAreScannedAndRedacted() throws Exception {
        Exchange exchange = exchange(true, null);
        StreamRewriter rewriter = new StreamRewriter(exchange, out, new Disclaimer(null), scan.of(exchange), json);
        for (String part : List.of("{\"aan\":\"p.piet", "ersen@example.org\",\"cc\":\"[EMAIL_1]\"}")) {
            ObjectNode chunk = json.createObjectNode().put("id", "c");
            chunk.putArray("choices").addObject().put("index", 0).putObject("delta").putArray("tool_calls").addObject()
                    .put("index", 0).putObject("function").put("arguments", part);
            rewriter.chunk(chunk);
        }
        rewriter.chunk(finish("tool_calls"));
        rewriter.complete();

        StringBuilder arguments = new StringBuilder();
        sent.forEach(c -> c.at("/choices/0/delta/tool_calls").forEach(t -> arguments.append(t.at("/function/arguments").asText(""))));
        JsonNode parsed = json.readTree(arguments.toString());
        assertThat(parsed.path("aan").asText()).isEqualTo("[EMAIL]");
        assertThat(parsed.path("cc").asText()).isEqualTo("anna@example.nl");
        assertThat(exchange.outputEntityCounts()).containsEntry(EntityType.EMAIL, 1);
        assertThat(sentText()).doesNotContain("AI-tekst");
        assertThat(sent.stream().filter(c -> c.has("dijkwacht")).findFirst().orElseThrow().at("/dijkwacht/disclaimer").asText())
                .isEqualTo("AI-tekst (t1)");
    }

    @Test
    void jsonAnswersGetTheDisclaimerOnlyInTheExtensionField() throws Exception {
        Exchange exchange = exchange(false, "json_object");
        StreamRewriter rewriter = new StreamRewriter(exchange, out, new Disclaimer(null), scan.of(exchange), json);
        rewriter.chunk(content("{\"antwoord\":"));
        rewriter.chunk(content("\"ja\"}"));
        rewriter.chunk(finish("stop"));
        rewriter.complete();

        assertThat(json.readTree(sentText()).path("antwoord").asText()).isEqualTo("ja");
        ObjectNode last = sent.getLast();
        assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(last.at("/dijkwacht/disclaimer").asText()).isEqualTo("AI-tekst (t1)");
        assertThat(last.at("/dijkwacht/trace_id").asText()).isEqualTo("t1");
        assertThat(last.at("/dijkwacht/in_content").asBoolean()).isFalse();
    }

    /** json27: a JSON text is scanned token by token, keys and whole numbers too; each change becomes a JSON string. */
    @Test
    void jsonKeysAndWholeNumbersAreScannedLikeStringValues() throws Exception {
        Exchange exchange = exchange(true, "json_object");
        String answer = "{\"bsn\": 111222333, \"" + FRESH + "\": true, \"aantal\": 12, \"bedrag\": 1.50e3, \"dubbel\": 1, \"dubbel\": 2}";
        String scanned = scan.of(exchange).applyToArguments(answer, json);
        assertThat(scanned).isEqualTo("{\"bsn\":\"[BSN]\",\"[EMAIL]\":true,\"aantal\":12,\"bedrag\":1.50e3,\"dubbel\":1,\"dubbel\":2}");
        assertThat(exchange.outputEntityCounts()).containsEntry(EntityType.EMAIL, 1).containsEntry(EntityType.BSN, 1);
    }

    /**
     * json28: a float that is a whole number is scanned as its digits — {@code 111222333.0} and {@code 1.11222333E8} are the
     * BSN 111222333 (the engine finds neither as written) — other floats as written; one scan per float, so counted once.
     */
    @Test
    void jsonFloatsThatAreWholeNumbersAreScannedAsTheirDigits() {
        Exchange exchange = exchange(true, "json_object");
        String answer = "{\"a\": 111222333.0, \"b\": 1.11222333E8, \"c\": 1.2345678200e+8, \"geo\": 52.0907374, \"klein\": 6.12345678,"
                + " \"groot\": 1e999999999, \"nul\": 0.0, \"heel\": 1.50e3}";
        String scanned = scan.of(exchange).applyToArguments(answer, json);
        assertThat(scanned).isEqualTo("{\"a\":\"[BSN]\",\"b\":\"[BSN]\",\"c\":\"[BSN]\",\"geo\":52.0907374,\"klein\":6.12345678,"
                + "\"groot\":1e999999999,\"nul\":0.0,\"heel\":1.50e3}");
        assertThat(exchange.outputEntityCounts()).containsEntry(EntityType.BSN, 3).hasSize(1);
        assertThat(JsonTextScan.asScanned("3.1612345678E10")).isEqualTo("31612345678");
        assertThat(JsonTextScan.asScanned("1e41")).as("beyond 40 digits: as written").isEqualTo("1e41");
    }

    /** json28: held tool-call arguments are bounded; beyond the bound the stream ends (the handler sends the error event). */
    @Test
    void heldToolArgumentsBeyondTheBoundEndTheStream() {
        Exchange exchange = exchange(true, null);
        StreamRewriter rewriter = new StreamRewriter(exchange, out, new Disclaimer(null), scan.of(exchange), json, 1000);
        ObjectNode chunk = json.createObjectNode().put("id", "c");
        chunk.putArray("choices").addObject().put("index", 0).putObject("delta").putArray("tool_calls").addObject()
                .put("index", 0).putObject("function").put("arguments", "x".repeat(600));
        rewriter.chunk(chunk.deepCopy());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rewriter.chunk(chunk.deepCopy()))
                .isInstanceOf(nl.dijkwacht.invoke.AnswerTooLargeException.class).hasMessageNotContaining("xxx");
        assertThat(sent.toString()).doesNotContain("xxx");
    }

    /**
     * leftover45: the replica bounds what all streams hold together. Two streams, each well within its own bound: the one
     * that cannot get its share ends (the handler sends the error event), the other goes on, and what a stream held is given
     * back when it ends, however it ended — so a third stream gets it.
     */
    @Test
    void heldToolArgumentsAreBoundedOverAllStreamsOfTheReplica() {
        HeldArguments replica = new HeldArguments(1000);
        Exchange first = exchange(true, null);
        Exchange second = exchange(true, null);
        StreamRewriter a = new StreamRewriter(first, out, new Disclaimer(null), scan.of(first), json, 1_000_000, replica);
        StreamRewriter b = new StreamRewriter(second, out, new Disclaimer(null), scan.of(second), json, 1_000_000, replica);
        a.chunk(arguments("x".repeat(600)));
        assertThat(replica.held()).isEqualTo(600);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.chunk(arguments("y".repeat(600))))
                .isInstanceOfSatisfying(nl.dijkwacht.invoke.AnswerTooLargeException.class, e -> assertThat(e.replica()).isTrue())
                .hasMessageNotContaining("yyy");
        b.close();
        assertThat(replica.held()).as("the refused stream took nothing").isEqualTo(600);
        a.chunk(arguments("x".repeat(300)));
        a.close(); // ended early (the tool went away): what it held is given back
        a.close();
        assertThat(replica.held()).isZero();

        Exchange third = exchange(true, null);
        StreamRewriter c = new StreamRewriter(third, out, new Disclaimer(null), scan.of(third), json, 1_000_000, replica);
        c.chunk(arguments("{\"z\":\"" + "z".repeat(900) + "\"}"));
        c.chunk(finish("tool_calls"));
        c.complete();
        assertThat(replica.held()).as("given back when the stream completes").isZero();
        assertThat(sent.toString()).contains("z".repeat(900)).doesNotContain("yyy");
    }

    private ObjectNode arguments(String part) {
        ObjectNode chunk = json.createObjectNode().put("id", "c");
        chunk.putArray("choices").addObject().put("index", 0).putObject("delta").putArray("tool_calls").addObject()
                .put("index", 0).putObject("function").put("arguments", part);
        return chunk;
    }

    /** JSON the scan does not change is given back as the model wrote it: its layout and its escapes. */
    @Test
    void jsonWithoutFindingsKeepsItsLayoutAndEscapes() {
        Exchange exchange = exchange(true, "json_object");
        String answer = "{\n  \"naam\" : \"caf\\u00e9 \\ud83d\\ude00 \\\"ja\\\"\",\n  \"lijst\" : [ 1, 2.0, null ]\n}";
        assertThat(scan.of(exchange).applyToArguments(answer, json)).isSameAs(answer);
        assertThat(scan.of(exchange).applyToArguments("{\"a\": \"b\"} {\"c\": 1}", json)).as("two values are text").isEqualTo("{\"a\": \"b\"} {\"c\": 1}");
        assertThat(scan.of(exchange).applyToArguments("{\"a\": \"" + FRESH, json)).as("cut short: text").isEqualTo("{\"a\": \"[EMAIL]");
    }

    /**
     * json27: with redact, a JSON-mode answer's text is held until its choice ends (empty deltas keep the events) and then
     * given as one delta, scanned value by value: a value cut between events is found whole, the JSON stays JSON.
     */
    @Test
    void aStreamedJsonAnswerIsHeldAndScannedValueByValueWithRedact() throws Exception {
        Exchange exchange = exchange(true, "json_object");
        StreamRewriter rewriter = new StreamRewriter(exchange, out, new Disclaimer(null), scan.of(exchange), json);
        for (String part : List.of("{\"aan\":\"p.piet", "ersen@example.org\",\"cc\":\"[EMA", "IL_1]\",\"bsn\":1112", "22333,\"t\":\"\\u00", "e9\"}")) {
            rewriter.chunk(content(part));
        }
        assertThat(sentText()).as("nothing before the choice ends").isEmpty();
        assertThat(sent).as("the events themselves still go").hasSize(5);
        rewriter.chunk(finish("stop"));
        rewriter.complete();

        JsonNode parsed = json.readTree(sentText());
        assertThat(parsed.path("aan").asText()).isEqualTo("[EMAIL]");
        assertThat(parsed.path("cc").asText()).isEqualTo("anna@example.nl");
        assertThat(parsed.path("bsn").asText()).isEqualTo("[BSN]");
        assertThat(parsed.path("t").asText()).isEqualTo("\u00e9");
        assertThat(exchange.outputEntityCounts()).containsEntry(EntityType.EMAIL, 1).containsEntry(EntityType.BSN, 1);
        assertThat(sentText()).doesNotContain("AI-tekst");
    }

    /** With flag nothing waits: the JSON goes as it comes, and a copy is counted value by value at the end. */
    @Test
    void aStreamedJsonAnswerPassesAtOnceWithFlagAndIsCountedAtTheEnd() throws Exception {
        Exchange exchange = exchange(false, "json_schema");
        StreamRewriter rewriter = new StreamRewriter(exchange, out, new Disclaimer(null), scan.of(exchange), json);
        rewriter.chunk(content("{\"aan\":\"p.piet"));
        assertThat(sentText()).isEqualTo("{\"aan\":\"p.piet");
        rewriter.chunk(content("ersen@example.org\",\"bsn\":111222333}"));
        assertThat(exchange.outputEntityCounts()).as("counted at the end").isEmpty();
        rewriter.chunk(finish("stop"));
        rewriter.complete();
        assertThat(sentText()).isEqualTo("{\"aan\":\"" + FRESH + "\",\"bsn\":111222333}");
        assertThat(exchange.outputEntityCounts()).containsEntry(EntityType.EMAIL, 1).containsEntry(EntityType.BSN, 1);
    }

    /**
     * The hold is bounded: beyond {@link HeldJsonAnswer#MAX_HELD_JSON} characters the answer is scanned as text, in the
     * windows of a text answer, and released as it is scanned; nothing leaves unscanned (fail closed), but the JSON is no
     * longer guaranteed.
     */
    @Test
    void aJsonAnswerTooLongToHoldIsScannedAsTextAndNothingLeavesUnscanned() throws Exception {
        Exchange exchange = exchange(true, "json_object");
        StreamRewriter rewriter = new StreamRewriter(exchange, out, new Disclaimer(null), scan.of(exchange), json);
        String filler = "woord ".repeat(1000);
        rewriter.chunk(content("{\"tekst\":\"" + FRESH + " "));
        int sentBefore = 0;
        for (int i = 0; i * filler.length() <= HeldJsonAnswer.MAX_HELD_JSON; i++) {
            rewriter.chunk(content(filler));
            if (i == 0) {
                sentBefore = sentText().length();
            }
        }
        assertThat(sentBefore).as("held while under the bound").isZero();
        assertThat(sentText().length()).as("released once over it").isGreaterThan(HeldJsonAnswer.MAX_HELD_JSON - 200);
        rewriter.chunk(content("mail " + FRESH + " eind\"}"));
        rewriter.chunk(finish("stop"));
        rewriter.complete();
        String text = sentText();
        assertThat(text).startsWith("{\"tekst\":\"[EMAIL] woord").endsWith("mail [EMAIL] eind\"}").doesNotContain(FRESH);
        assertThat(exchange.outputEntityCounts()).containsEntry(EntityType.EMAIL, 2);
    }
}
