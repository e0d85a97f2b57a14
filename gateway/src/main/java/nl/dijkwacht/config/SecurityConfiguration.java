package nl.dijkwacht.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import nl.dijkwacht.api.OpenAiErrorWriter;
import nl.dijkwacht.api.filter.Authentication;
import nl.dijkwacht.api.filter.BodySizeLimit;
import nl.dijkwacht.api.filter.EarlyRefusalListener;
import nl.dijkwacht.api.filter.EarlyRefusals;
import nl.dijkwacht.api.filter.PreAuthenticationLimit;
import nl.dijkwacht.api.filter.RouteFilters;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.identity.CallerAuthenticator;
import nl.dijkwacht.identity.IdentityProperties;
import nl.dijkwacht.identity.TokenVerifier;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.tenancy.Tenants;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Identity and Spring Security wiring.
 *
 * <p>Who may call a gateway route is decided by the route's own filters ({@link RouteFilters}: pre-authentication
 * limit, authentication, body size), not by URL rules here: the model API, admin, auditor and public routes each
 * carry the filter for their kind of caller. The {@link SecurityFilterChain} below is the catch-all chain for those
 * routes: stateless, no session, no cookies, no CSRF (credentials travel in headers), standard security headers.
 * It has the lowest precedence, so other chains with their own {@code securityMatcher} (the console's
 * {@code /console/**} login) are consulted first and coexist with it.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    TokenVerifier tokenVerifier(IdentityProperties identity) {
        return new TokenVerifier(identity.issuers(), identity.signingKeys());
    }

    /**
     * Identity providers without {@code operator-clients}: warned about at start-up, and the health component
     * {@code operatorClients} (group {@code /actuator/health/identity} on the management port, with its detail).
     */
    @Bean
    nl.dijkwacht.identity.OperatorClientsCheck operatorClientsHealthIndicator(IdentityProperties identity) {
        nl.dijkwacht.identity.OperatorClientsCheck check = new nl.dijkwacht.identity.OperatorClientsCheck(identity);
        check.warnAtStart();
        return check;
    }

    /** The start-up warm-up's key for its own HTTP requests (api.warmup.StartupWarmUp opens it, and closes it before readiness). */
    @Bean
    nl.dijkwacht.identity.WarmUpPass warmUpPass() {
        return new nl.dijkwacht.identity.WarmUpPass();
    }

    @Bean
    CallerAuthenticator callerAuthenticator(Tenants tenants, TokenVerifier tokens, IdentityProperties identity,
                                            Pseudonymizer auditPseudonymizer, Clock policyClock,
                                            nl.dijkwacht.identity.WarmUpPass warmUpPass) {
        // here, not in tokenVerifier: a test may replace that bean, and the start-up checks must still run
        IdentitySettingsCheck.check(identity);
        IssuerTenantsCheck.check(identity.issuers(), tenants);
        return new CallerAuthenticator(tenants, tokens, identity.operatorRoles(), auditPseudonymizer::pseudonym, policyClock,
                warmUpPass);
    }

    @Bean
    EarlyRefusals earlyRefusals(ObjectProvider<EarlyRefusalListener> listeners, ObjectMapper dijkwachtJson, Clock policyClock,
                                DijkwachtProperties properties) {
        nl.dijkwacht.limits.ClientAddress addresses = new nl.dijkwacht.limits.ClientAddress(properties.limits().trustedProxies());
        return new EarlyRefusals(listeners.orderedStream().toList(), new OpenAiErrorWriter(dijkwachtJson), policyClock,
                addresses::of);
    }

    @Bean
    RouteFilters routeFilters(ObjectProvider<PreAuthenticationLimit> preAuthentication, CallerAuthenticator authenticator,
                              IdentityProperties identity, EarlyRefusals refusals) {
        return new RouteFilters(java.util.Optional.ofNullable(preAuthentication.getIfUnique()),
                new Authentication(authenticator, identity.userTokenHeader(), refusals), new BodySizeLimit(refusals));
    }

    /**
     * What the gateway routes keep of Spring Security: the firewall (in front of every chain), the security headers and
     * the two wrappers Spring Security puts in by itself (URL encoding without a session id, the async manager). No
     * security context, session management, servlet-API wrapper, exception translation or authorisation filter:
     * authentication and authorisation are the routes' own ({@link RouteFilters}), nothing here ever held a security
     * context or made a session, and every request was let through — five filters per request that did nothing
     * (docs/history/benchmark-sessions.md, "http13"). The console's chain ({@code ConsoleSecurity}) keeps all of them.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain gatewaySecurityFilterChain(HttpSecurity http) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .exceptionHandling(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * Spring Security's strict firewall with its own rules, only its header and parameter-name checks done without a
     * regular expression ({@link HeaderCharacters}: the same strings accepted and refused).
     */
    @Bean
    org.springframework.security.web.firewall.HttpFirewall httpFirewall() {
        org.springframework.security.web.firewall.StrictHttpFirewall firewall = new org.springframework.security.web.firewall.StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::name);
        firewall.setAllowedHeaderValues(HeaderCharacters::value);
        firewall.setAllowedParameterNames(HeaderCharacters::name);
        return firewall;
    }

    /**
     * No observations of Spring Security's own: without this bean its filter chain is wrapped in an
     * {@code ObservationFilterChainDecorator} whenever an observation registry exists, which wraps each of the ~12
     * filters per request (a few percent of a request's CPU, docs/benchmarks.md "Levers") even when
     * {@code management.observations.enable.spring.security} turns the observations themselves off. The request's own
     * observation ({@code http.server.requests}) is not Spring Security's and stays.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /**
     * A request the firewall rejects (e.g. an encoded slash in the path) gets a Dutch OpenAI error, not Spring's page;
     * on the console's and the transparency page's addresses a small Dutch HTML page. It is reported like a request
     * refused before routing ({@link EarlyRefusals#reportBeforeRouting}: a trace id on the answer, counted per source; no
     * caller and no address kept — no key was checked, and the address may be what was wrong). An address that is not
     * in its normal form — a doubled slash, {@code /./} or {@code /../}, what a tool whose base URL ends in a slash
     * calls ({@code /v1//chat/completions}) — is named as such (redteam46: "ongeldige tekens" sent the administrator
     * looking for a character that is not there).
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper dijkwachtJson, EarlyRefusals earlyRefusals) {
        OpenAiErrorWriter errors = new OpenAiErrorWriter(dijkwachtJson);
        Refusal refusal = Refusal.badRequest("request_rejected", "De aanvraag is geweigerd omdat het adres ongeldige tekens bevat.", null);
        Refusal notNormal = Refusal.badRequest("request_rejected", "De aanvraag is geweigerd omdat het adres een dubbele schuine"
                + " streep (//), /./ of /../ bevat. Controleer de basis-URL in uw tool: die eindigt op /v1, zonder schuine streep"
                + " erachter.", null);
        return (request, response, rejected) -> {
            Refusal answer = notNormalised(request.getRequestURI()) ? notNormal : refusal;
            response.setHeader(nl.dijkwacht.pipeline.CallerHeaders.TRACE_ID, earlyRefusals.reportBeforeRouting(request, answer).traceId());
            if (nl.dijkwacht.api.OpenAiErrorController.forPeople(request.getRequestURI())) {
                // a console or transparency page: the people's Dutch HTML page, not the APIs' JSON (ops27)
                nl.dijkwacht.api.PlainErrorPage.write(response, 400, answer);
            } else {
                errors.write(response, answer);
            }
        };
    }

    /** A path with an empty, "." or ".." segment (the query not counted). */
    static boolean notNormalised(String uri) {
        if (uri == null) {
            return false;
        }
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return path.contains("//") || path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..");
    }

}
