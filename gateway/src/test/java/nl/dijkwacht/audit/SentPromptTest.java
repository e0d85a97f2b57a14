package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.openai.ParseRequestStep;
import nl.dijkwacht.openai.RequestSchema;
import nl.dijkwacht.openai.TextSlot;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.policy.PolicySet;
import org.junit.jupiter.api.Test;

/** The prompt the audit record hashes is the one the tool sent, whether kept when the body was read or read again. */
class SentPromptTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ParseRequestStep parse = new ParseRequestStep(json, new RequestSchema(json));

    private Exchange exchange(String body) {
        Exchange exchange = new Exchange("t", Endpoint.CHAT_COMPLETIONS, CallerHeaders.NONE,
                new PolicySet("v1", Map.of(), Map.of(), new ModelCatalog(List.of()), List.of()));
        exchange.contentType("application/json");
        exchange.rawBody(body.getBytes(StandardCharsets.UTF_8));
        return exchange;
    }

    private String prompt(Exchange exchange) {
        return new AuditCapture(exchange, json, h -> null, new TextHasher(Map.of("k", new byte[32]), "k")).originalPrompt();
    }

    @Test
    void theKeptTextsAreTheBodysAsSentAfterTheStepsRewroteThem() {
        String body = """
                {"model":"m","metadata":{"dw_prompt_template":"brief-v2"},"messages":[
                  {"role":"system","content":"Je helpt de gemeente."},
                  {"role":"user","content":[{"type":"text","text":"Mijn naam is Jan Jansen."},{"type":"text","text":"Tel 06-12345678"}]},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\\"bsn\\":\\"111222333\\"}"}}]},
                  {"role":"user","content":"Vat samen."}]}
                """;
        Exchange kept = exchange(body);
        assertThat(parse.apply(kept)).isEqualTo(Outcome.CONTINUE);
        assertThat(kept.sentMessageTexts()).isNotNull();
        for (TextSlot slot : kept.request().textSlots()) {
            slot.set("[vervangen]"); // as the pii step rewrites them
        }
        Exchange readAgain = exchange(body); // never parsed: the audit reads the raw body itself, as before
        assertThat(readAgain.sentMessageTexts()).isNull();

        assertThat(prompt(kept)).isEqualTo(prompt(readAgain))
                .contains("Mijn naam is Jan Jansen.", "Tel 06-12345678", "111222333", "Vat samen.").doesNotContain("[vervangen]");
    }

    @Test
    void beforeTheModelCallThePromptIsHashedAndTheExchangeLetsGoOfItsCopies() {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Mijn naam is Jan Jansen.\"}]}";
        TextHasher hasher = new TextHasher(Map.of("k", new byte[32]), "k");
        Exchange asBefore = exchange(body);
        Exchange settled = exchange(body);
        parse.apply(asBefore);
        parse.apply(settled);
        AuditCapture capture = new AuditCapture(settled, json, h -> null, hasher);

        capture.settlePrompt();
        for (TextSlot slot : settled.request().textSlots()) {
            slot.set("[vervangen]"); // whatever happens to the request afterwards
        }

        assertThat(settled.sentMessageTexts()).isNull();
        assertThat(settled.rawBody()).isEmpty();
        assertThat(capture.promptHmac())
                .isEqualTo(new AuditCapture(asBefore, json, h -> null, hasher).promptHmac())
                .isEqualTo(hasher.hash("Mijn naam is Jan Jansen."));
    }

    @Test
    void aBodyRefusedWhenReadIsStillHashedAsSent() {
        Exchange refused = exchange("{\"model\":\"m\",\"onbekend_veld\":1,\"messages\":[{\"role\":\"user\",\"content\":\"Hallo Jan\"}]}");
        assertThat(parse.apply(refused)).isInstanceOf(Outcome.Deny.class);
        assertThat(refused.sentMessageTexts()).isNull();
        assertThat(prompt(refused)).isEqualTo("Hallo Jan");
    }
}
