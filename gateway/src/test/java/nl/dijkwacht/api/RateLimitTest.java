package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "dijkwacht.limits.requests-per-minute=3")
class RateLimitTest extends GatewayTestBase {

    @Test
    void fourthRequestInAMinuteIs429WithRetryAfterAndOtherUsersAreNotAffected() throws Exception {
        for (int i = 0; i < 3; i++) {
            var ok = postJson("/v1/chat/completions", chat("dry-run", "hoi"), TestPack.TOOL_KEY, "X-Dijkwacht-User", "anna");
            assertThat(ok.statusCode()).isEqualTo(200);
            // OpenAI's headers on every answer, so a tool can pace itself
            assertThat(ok.headers().firstValue("x-ratelimit-remaining-requests")).contains(Integer.toString(2 - i));
            assertThat(ok.headers().firstValue("x-ratelimit-reset-requests")).isPresent();
        }
        var limited = postJson("/v1/chat/completions", chat("dry-run", "hoi"), TestPack.TOOL_KEY, "X-Dijkwacht-User", "anna");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(parse(limited.body()).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(limited.headers().firstValue("x-ratelimit-limit-requests")).contains("3");
        assertThat(limited.headers().firstValue("x-ratelimit-remaining-requests")).contains("0");
        assertThat(auditRecord(limited.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow()).get("RULE"))
                .isEqualTo("rate-limit:user:requests-per-minute");

        assertThat(postJson("/v1/chat/completions", chat("dry-run", "hoi"), TestPack.TOOL_KEY, "X-Dijkwacht-User", "bram").statusCode()).isEqualTo(200);
    }
}
