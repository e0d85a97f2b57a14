package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.openai.ParseRequestStep;
import nl.dijkwacht.openai.RequestSchema;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.policy.PolicySet;
import org.junit.jupiter.api.Test;

/**
 * A request's prompt and answer share one MAC (the prompt's taken first, before the model call): each HMAC is still the
 * plain HMAC-SHA256 of its own text — the prompt's messages joined by a blank line, the answer's pieces concatenated —
 * whichever is taken first, and the prompt's text is not left in the MAC's buffer once hashed.
 */
class AuditCaptureMacTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String[] PIECES = {"a", "Jan Jansen", " ", "één", "straße", "06-12345678", "\n", "🙂", "中文", "x".repeat(300)};

    private final ObjectMapper json = new ObjectMapper();
    private final ParseRequestStep parse = new ParseRequestStep(json, new RequestSchema(json));
    private final TextHasher hasher = new TextHasher(Map.of("k1", KEY), "k1");

    private static String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Random random, int maxPieces) {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(maxPieces);
        for (int i = 0; i < n; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private Exchange exchange(List<String> messages) throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "m");
        ArrayNode list = body.putArray("messages");
        for (int i = 0; i < messages.size(); i++) {
            list.addObject().put("role", i == 0 && messages.size() > 1 ? "system" : "user").put("content", messages.get(i));
        }
        Exchange exchange = new Exchange("t", Endpoint.CHAT_COMPLETIONS, CallerHeaders.NONE,
                new PolicySet("v1", Map.of(), Map.of(), new ModelCatalog(List.of()), List.of()));
        exchange.contentType("application/json");
        exchange.rawBody(json.writeValueAsBytes(body));
        assertThat(parse.apply(exchange)).isEqualTo(Outcome.CONTINUE);
        return exchange;
    }

    private static byte[] buffer(AuditCapture capture) throws Exception {
        Field feedField = AuditCapture.class.getDeclaredField("feed");
        feedField.setAccessible(true);
        Field bufferField = MacFeed.class.getDeclaredField("buffer");
        bufferField.setAccessible(true);
        return (byte[]) bufferField.get(feedField.get(capture));
    }

    @Test
    void promptAndAnswerHashAsTheirOwnTextsInEitherOrder() throws Exception {
        Random random = new Random(24);
        for (int run = 0; run < 600; run++) {
            List<String> messages = new ArrayList<>();
            for (int m = 1 + random.nextInt(4); m > 0; m--) {
                messages.add(text(random, 12));
            }
            List<String> answer = new ArrayList<>();
            for (int p = random.nextInt(6); p > 0; p--) {
                answer.add(text(random, 4));
            }
            String prompt = hmac(String.join("\n\n", messages));
            String answered = answer.isEmpty() ? null : hmac(String.join("", answer));

            // as served: the prompt settled before the model call, then the answer delivered
            AuditCapture settled = new AuditCapture(exchange(messages), json, h -> null, hasher);
            settled.settlePrompt();
            assertThat(buffer(settled)).as("run %d: the prompt left in the buffer", run).containsOnly(0);
            answer.forEach(settled::deliveredText);
            assertThat(settled.promptHmac()).as("run %d prompt", run).isEqualTo(prompt);
            assertThat(settled.answerHmac()).as("run %d answer", run).isEqualTo(answered);

            // a prompt first hashed for the record, after the answer began: a MAC of its own
            AuditCapture late = new AuditCapture(exchange(messages), json, h -> null, hasher);
            answer.forEach(late::deliveredText);
            assertThat(late.promptHmac()).as("run %d late prompt", run).isEqualTo(prompt);
            assertThat(late.answerHmac()).as("run %d late answer", run).isEqualTo(answered);
            assertThat(late.answerHmac()).isEqualTo(answered); // taken once
        }
    }
}
