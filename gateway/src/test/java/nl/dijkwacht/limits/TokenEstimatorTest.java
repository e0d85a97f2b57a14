package nl.dijkwacht.limits;

import static nl.dijkwacht.limits.LimitsFixture.exchange;
import static nl.dijkwacht.limits.LimitsFixture.limits;
import static nl.dijkwacht.limits.LimitsFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.policy.LimitsPolicy.Scope;
import nl.dijkwacht.policy.LimitsPolicy.Values;
import nl.dijkwacht.policy.PolicySet;
import org.junit.jupiter.api.Test;

/** The cheap bound never undercuts the tokenizer, and the budget step tokenises only when the bound does not fit. */
class TokenEstimatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TokenEstimator estimator = new TokenEstimator();

    @Test
    void theByteBoundIsNeverBelowTheCountForAnyKindOfText() {
        List<String> texts = List.of(
                "Geachte heer De Vries, hierbij ontvangt u het besluit over uw aanvraag voor een omgevingsvergunning.",
                "IBAN NL91ABNA0417164300, BSN 111222333, telefoon 06-12345678, e-mail j.devries@example.nl",
                "3141592653589793238462643383279502884197169399375105820974944592307816406286",
                "Ünïcödé — “quotes” ‘and’ … ümlauts; 日本語のテキスト; emoji 😀🎉👍🏽; combining é",
                "aGVsbG8gd29ybGQgdGhpcyBpcyBiYXNlNjQ/IGFuZCBtb3JlIGJ5dGVz+/== \t\n\n   spaces   ",
                "");
        for (String text : texts) {
            ChatRequest request = chat(text, null);
            long bound = estimator.upperBound(Endpoint.CHAT_COMPLETIONS, request, 100);
            long counted = estimator.estimate(Endpoint.CHAT_COMPLETIONS, request, null, 100);
            assertThat(bound).as(text).isGreaterThanOrEqualTo(counted);
            assertThat(estimator.upperBound(Endpoint.EMBEDDINGS, request, 100))
                    .isGreaterThanOrEqualTo(estimator.estimate(Endpoint.EMBEDDINGS, request, null, 100));
        }
        ChatRequest withTools = chat("Hoe laat is het?", "[{\"type\":\"function\",\"function\":{\"name\":\"tijd\",\"parameters\":{}}}]");
        assertThat(estimator.upperBound(Endpoint.CHAT_COMPLETIONS, withTools, 100))
                .isGreaterThanOrEqualTo(estimator.estimate(Endpoint.CHAT_COMPLETIONS, withTools, null, 100));
    }

    @Test
    void aBudgetWithRoomTakesTheBoundWithoutTokenisingAndSettlesToTheCountWhenNoUsageIsReported() {
        CallerLimits limits = LimitsFixture.callerLimits(BucketStore.inMemory(100));
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(null, 100_000L, null))));
        Exchange exchange = exchange(policy, "tool-" + System.nanoTime(), null, null, LimitsFixture.freshTenant());
        AtomicInteger counts = new AtomicInteger();

        assertThat(limits.reserveTokens(exchange, () -> 400, () -> {
            counts.incrementAndGet();
            return 120;
        })).isEqualTo(Outcome.CONTINUE);
        assertThat(counts).hasValue(0);
        assertThat(exchange.tokensReserved()).isEqualTo(400);
        assertThat(exchange.rateLimitHeaders()).containsEntry("x-ratelimit-remaining-tokens", "99600");

        // answered without usage: the counted estimate is what stays charged, as before the cheap bound
        exchange.upstreamStatus(200);
        limits.settle(exchange);
        assertThat(counts).hasValue(1);
        Exchange next = exchange(policy, exchange.caller().toolId(), null, null, exchange.caller().tenant());
        assertThat(limits.reserveTokens(next, () -> 1)).isEqualTo(Outcome.CONTINUE);
        assertThat(next.rateLimitHeaders()).containsEntry("x-ratelimit-remaining-tokens", Long.toString(100_000 - 120 - 1));
    }

    @Test
    void nearTheBudgetsEndTheRequestIsCountedAndRefusedOnlyWhenTheCountDoesNotFit() {
        CallerLimits limits = LimitsFixture.callerLimits(BucketStore.inMemory(100));
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(null, 1_000L, null))));
        String tool = "tool-" + System.nanoTime();
        String tenant = LimitsFixture.freshTenant();

        Exchange fits = exchange(policy, tool, null, null, tenant);
        assertThat(limits.reserveTokens(fits, () -> 1_500, () -> 700)).isEqualTo(Outcome.CONTINUE);
        assertThat(fits.tokensReserved()).isEqualTo(700);
        assertThat(fits.rateLimitHeaders()).containsEntry("x-ratelimit-remaining-tokens", "300");

        Exchange tooMuch = exchange(policy, tool, null, null, tenant);
        assertThat(limits.reserveTokens(tooMuch, () -> 900, () -> 301)).isInstanceOfSatisfying(Outcome.Deny.class,
                deny -> assertThat(deny.refusal().code()).isEqualTo("token_budget_exceeded"));
        assertThat(tooMuch.tokensReserved()).isZero();
        assertThat(tooMuch.rateLimitHeaders()).containsEntry("x-ratelimit-remaining-tokens", "300");
    }

    private static ChatRequest chat(String text, String tools) {
        ObjectNode body = JSON.createObjectNode().put("model", "m");
        body.putArray("messages").addObject().put("role", "user").put("content", text);
        if (tools != null) {
            try {
                body.set("tools", JSON.readTree(tools));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new ChatRequest(body);
    }
}
