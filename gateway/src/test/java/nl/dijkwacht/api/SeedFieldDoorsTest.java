package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * The {@code seed} field as a number channel (redteam50): any integer passed on as sent, so a BSN sent as the seed
 * reached the provider. OpenAI documents only that the same seed with the same parameters samples alike; a keyed hash
 * of the seed keeps exactly that and passes no number of the caller's.
 */
class SeedFieldDoorsTest extends ExternModelDoorsTestBase {

    @Test
    void aSeedIsReplacedByItsKeyedHashTheSameForTheSameSeed() throws Exception {
        long bsn = 111222333L;
        send(bsn);
        send(bsn);
        send(42L);

        List<JsonNode> seeds = upstream.findAll(postRequestedFor(urlEqualTo(EXTERN_CHAT))).stream()
                .map(r -> readSeed(r.getBodyAsString())).toList();
        assertThat(seeds).hasSize(3);
        assertThat(seeds).allSatisfy(seed -> {
            assertThat(seed.isIntegralNumber()).isTrue();
            assertThat(seed.asLong()).isBetween(0L, (long) Integer.MAX_VALUE);
        });
        assertThat(seeds.get(0).asLong()).isNotEqualTo(bsn).isEqualTo(seeds.get(1).asLong());
        assertThat(seeds.get(2).asLong()).isNotEqualTo(42L).isNotEqualTo(seeds.get(0).asLong());
        for (var r : upstream.findAll(postRequestedFor(urlEqualTo(EXTERN_CHAT)))) {
            assertThat(r.getBodyAsString()).doesNotContain(Long.toString(bsn));
        }
    }

    @Test
    void aSeedWrittenWithAFractionOrAnExponentIsHashedToo() throws Exception {
        for (String seed : List.of("111222333.0", "1.11222333E8", "111222333.00")) {
            String body = "{\"model\":\"extern\",\"seed\":" + seed
                    + ",\"messages\":[{\"role\":\"user\",\"content\":\"Vat de wet samen.\"}]}";
            var response = postJson("/v1/chat/completions", body, TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "test-velden");
            assertThat(response.statusCode()).as(seed).isIn(200, 400);
            if (response.statusCode() == 400) {
                assertThat(json.readTree(response.body()).path("error").path("param").asText()).isEqualTo("seed");
            }
        }
        for (var r : upstream.findAll(postRequestedFor(urlEqualTo(EXTERN_CHAT)))) {
            assertThat(r.getBodyAsString()).doesNotContain("111222333").doesNotContain("1.11222333");
            JsonNode seed = readSeed(r.getBodyAsString());
            assertThat(seed.isIntegralNumber()).isTrue();
        }
    }

    private void send(long seed) throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "extern").put("seed", seed);
        body.putArray("messages").addObject().put("role", "user").put("content", "Vat de wet samen.");
        var response = postJson("/v1/chat/completions", json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-velden");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode readSeed(String body) {
        try {
            return json.readTree(body).path("seed");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
