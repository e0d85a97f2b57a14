package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dijkwacht.config.HeaderCharacters;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.RawHttp;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.context.support.ServletRequestHandledEvent;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * What a gateway request passes before and after its handler, once the parts that bought nothing are cut
 * (docs/history/benchmark-sessions.md, "http13"): the same security headers and firewall decisions, Spring Security's
 * chain for the gateway routes down to the filters that do something, no request-handled events, no filters for weighted
 * routes or PUT forms, the resource-link filter only where pages link resources (the console and the public pages,
 * whose links keep their versions).
 */
class HttpLayerTest extends GatewayTestBase {

    static final AtomicInteger handledEvents = new AtomicInteger();

    @TestConfiguration
    static class CountHandledEvents {
        @Bean
        ApplicationListener<ServletRequestHandledEvent> handledEventCounter() {
            return event -> handledEvents.incrementAndGet();
        }
    }

    @Autowired
    @Qualifier("gatewaySecurityFilterChain")
    SecurityFilterChain gatewayChain;

    @Autowired
    HttpFirewall firewall;

    @Autowired
    ApplicationContext context;

    @Test
    void modelApiAnswersCarryTheSecurityHeaders() throws Exception {
        for (HttpResponse<String> r : List.of(getJson("/v1/models", TestPack.TOOL_KEY), getJson("/v1/models", null),
                postJson("/v1/chat/completions", "{", TestPack.TOOL_KEY))) {
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(r.toString()).contains("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(r.toString()).contains("DENY");
            assertThat(r.headers().firstValue("Cache-Control")).as(r.toString()).contains("no-cache, no-store, max-age=0, must-revalidate");
            assertThat(r.headers().firstValue("X-XSS-Protection")).as(r.toString()).contains("0");
            assertThat(r.headers().firstValue("Set-Cookie")).as("no session, no cookie: " + r).isEmpty();
        }
        assertThat(getJson("/v1/models", TestPack.TOOL_KEY).statusCode()).isEqualTo(200);
        assertThat(getJson("/v1/models", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theGatewayChainKeepsOnlyFiltersThatDoSomething() {
        List<String> filters = gatewayChain.getFilters().stream().map(f -> f.getClass().getSimpleName()).toList();
        assertThat(filters).contains("HeaderWriterFilter")
                .doesNotContain("SecurityContextHolderFilter", "SessionManagementFilter", "SecurityContextHolderAwareRequestFilter",
                        "ExceptionTranslationFilter", "AuthorizationFilter", "AnonymousAuthenticationFilter", "CsrfFilter");
    }

    @Test
    void theFirewallIsTheStrictOneWithoutRegularExpressions() throws Exception {
        Object proxy = context.getBean("springSecurityFilterChain");
        Object inner = ReflectionTestUtils.getField(proxy, "springSecurityFilterChain");
        assertThat(ReflectionTestUtils.getField(inner == null ? proxy : inner, "firewall")).isSameAs(firewall);
        java.util.function.Predicate<?> names = (java.util.function.Predicate<?>) ReflectionTestUtils.getField(firewall, "allowedHeaderNames");
        assertThat(names).isNotNull();
        assertThat(HeaderCharacters.value("a\u0085b")).isFalse();

        // the firewall checks a header when it is read: a C1 control character (Tomcat lets bytes 0x80-0xff through as
        // ISO-8859-1) in the key is refused in Dutch; accents and a tab are not the firewall's business (a wrong key: 401)
        String refused = raw("GET /v1/models HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestPack.TOOL_KEY
                + "\u0085\r\nConnection: close\r\n\r\n");
        assertThat(refused).startsWith("HTTP/1.1 400");
        assertThat(refused).contains("request_rejected").contains("ongeldige tekens");
        String accepted = raw("GET /v1/models HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer caf\u00e9\tau lait"
                + "\r\nConnection: close\r\n\r\n");
        assertThat(accepted).startsWith("HTTP/1.1 401");
    }

    @Test
    void noFilterForWeightedRoutesOrFormsSentByPut() {
        assertThat(context.getBeansOfType(org.springframework.web.filter.FormContentFilter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.cloud.gateway.server.mvc.filter.WeightCalculatorFilter.class)).isEmpty();
    }

    @Test
    void noRequestHandledEvents() throws Exception {
        int before = handledEvents.get();
        assertThat(getJson("/v1/models", TestPack.TOOL_KEY).statusCode()).isEqualTo(200);
        assertThat(getJson("/console/inloggen", null).statusCode()).isEqualTo(200);
        assertThat(handledEvents.get()).isEqualTo(before);
    }

    @Test
    void resourceLinksAreEncodedOnlyWhereThePagesAre() throws Exception {
        String login = getJson("/console/inloggen", null).body();
        assertThat(login).containsPattern("/webjars/htmx\\.org/[0-9][0-9.]*/dist/htmx\\.min\\.js");

        FilterRegistrationBean<?> registration = context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .filter(r -> r.getFilter() instanceof ResourceUrlEncodingFilter).findFirst().orElseThrow();
        assertThat(registration.getUrlPatterns()).containsExactlyInAnyOrder("/console/*", "/transparantie/*");
    }

    private String raw(String request) throws Exception {
        return RawHttp.exchange(port, request);
    }
}
