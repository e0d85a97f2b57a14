package nl.dijkwacht.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.RepeatedTexts;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.UseCasePolicy;
import org.junit.jupiter.api.Test;

/** A conversation sent turn after turn (the whole history each time) is rewritten the same with the repeats' findings kept. */
class RepeatedMessagesTest {

    private static final List<String> TURNS = List.of(
            "Mijn naam is Jan Jansen en ik woon aan de Dorpsstraat 12 in Utrecht.",
            "Dank u. Mijn IBAN is NL91ABNA0417164300, mail jan.jansen@example.nl.",
            "Mevrouw De Vries (BSN 111222333) belt morgen op 06-12345678.",
            "Kunt u dat samenvatten?");

    /** The outgoing body and entity counts of each turn, as the step leaves them. */
    private static List<String> conversation(RedactPersonalDataStep step) {
        return conversation(step, false);
    }

    /** @param ahead whether the step's detection runs ahead first (here on the calling thread, as a helper would) */
    private static List<String> conversation(RedactPersonalDataStep step, boolean ahead) {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new java.util.ArrayList<>();
        for (int turn = 1; turn <= TURNS.size(); turn++) {
            for (int repeat = 0; repeat < 2; repeat++) { // a retry sends the same request again
                ObjectNode body = json.createObjectNode();
                ArrayNode messages = body.putArray("messages");
                messages.addObject().put("role", "system").put("content", "Je bent de assistent van de gemeente Utrecht.");
                for (int i = 0; i < turn; i++) {
                    messages.addObject().put("role", "user").put("content", TURNS.get(i));
                    if (i < turn - 1) {
                        messages.addObject().put("role", "assistant").put("content", "Genoteerd, " + TURNS.get(i));
                    }
                }
                Exchange exchange = new Exchange("trace-" + turn, Endpoint.CHAT_COMPLETIONS, CallerHeaders.NONE,
                        new PolicySet("v1", Map.of(), Map.of(), new ModelCatalog(List.of()), List.of()));
                exchange.request(new ChatRequest(body));
                exchange.useCase(new UseCasePolicy("u", "test", List.of("m"), OperatorPolicy.pseudonymiseAll(), null));
                if (ahead) {
                    step.startAhead(exchange, Runnable::run);
                }
                step.apply(exchange);
                out.add(body + " " + exchange.entityCounts());
            }
        }
        return out;
    }

    @Test
    void theConversationIsRewrittenAsWithoutTheCache() {
        PiiEngine engine = PiiEngine.dutchDefault();
        Anonymizer anonymizer = new Anonymizer(new byte[32]);
        List<String> without = conversation(new RedactPersonalDataStep(engine, new RepeatedTexts(engine, 0), anonymizer));
        List<String> with = conversation(new RedactPersonalDataStep(engine, new RepeatedTexts(engine, 64), anonymizer));
        assertThat(with).isEqualTo(without);
        assertThat(conversation(new RedactPersonalDataStep(engine, new RepeatedTexts(engine, 64), anonymizer), true))
                .isEqualTo(without);
        assertThat(String.join("\n", with)).doesNotContain("NL91ABNA0417164300").doesNotContain("111222333")
                .doesNotContain("Jan Jansen");
    }
}
