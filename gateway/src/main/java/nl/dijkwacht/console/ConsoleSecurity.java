package nl.dijkwacht.console;

import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.config.DijkwachtProperties;
import nl.dijkwacht.identity.IdentityProperties;
import nl.dijkwacht.policy.ActivePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Security of the console pages ({@code /console/**}) and the public transparency page, in its own filter chain so
 * it sits beside the API's: form login with the local development accounts on the embedded default, OIDC
 * authorisation-code login when an identity provider is configured, roles exactly as the APIs enforce them
 * (audit pages: auditor; policy pages: admin), CSRF on every form, a strict CSP without inline scripts.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurity {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurity.class);

    /** Scripts, styles, images and fonts from the application only; no inline scripts or styles, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    LocalAccounts consoleLocalAccounts(nl.dijkwacht.tenancy.Tenants tenants, ConsoleProperties properties,
                                       @Value("${spring.datasource.url:}") String datasourceUrl) {
        boolean embedded = datasourceUrl.startsWith("jdbc:h2:");
        boolean enabled = switch (properties.localAccounts()) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> embedded;
        };
        if (enabled && !embedded) {
            log.warn("console: local development accounts are ON with a non-embedded audit store "
                    + "(dijkwacht.console.local-accounts=on); use OIDC login in production");
        }
        return new LocalAccounts(tenants, java.time.Clock.systemUTC(), enabled);
    }

    @Bean
    @Order(20)
    SecurityFilterChain consoleSecurityChain(HttpSecurity http, LocalAccounts localAccounts,
                                             ObjectProvider<ClientRegistrationRepository> oidcClients,
                                             ConsoleProperties properties, IdentityProperties identity,
                                             Pseudonymizer auditPseudonymizer, nl.dijkwacht.tenancy.Tenants tenants,
                                             ObjectProvider<nl.dijkwacht.limits.AuthFailureCounter> authFailures,
                                             DijkwachtProperties dijkwacht) throws Exception {
        ConsoleLoginFailures loginFailures = new ConsoleLoginFailures(authFailures.getIfAvailable(),
                dijkwacht.limits().trustedProxies());
        http.addFilterAfter(new ConsoleSessionLimit(properties.maxSessionAge(), localAccounts, loginFailures, java.time.Clock.systemUTC()),
                org.springframework.security.web.context.SecurityContextHolderFilter.class);
        http.securityMatcher("/console", "/console/**", "/transparantie", "/transparantie/{tenant:[a-z0-9][a-z0-9-]*}")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/console/inloggen", "/console/assets/**", "/transparantie", "/transparantie/{tenant:[a-z0-9][a-z0-9-]*}").permitAll()
                        .requestMatchers("/console/audit/**", "/console/toezicht/**").hasRole("AUDITOR")
                        .requestMatchers("/console/beheer/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .authenticationProvider(localAccounts)
                .formLogin(f -> f.loginPage("/console/inloggen").loginProcessingUrl("/console/inloggen")
                        .defaultSuccessUrl("/console", true).failureHandler(loginFailures))
                .logout(l -> l.logoutUrl("/console/uitloggen").logoutSuccessUrl("/console/inloggen?uitgelogd")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.accessDeniedPage("/console/geen-toegang"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/console/inloggen")
                    .authorizationEndpoint(a -> a.baseUri("/console/oauth2/authorization"))
                    .redirectionEndpoint(r -> r.baseUri("/console/login/oauth2/code/*"))
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcOperators(identity.operatorRoles(),
                            properties.oidc().rolesClaim(), auditPseudonymizer::pseudonym, identity.issuers(), tenants)))
                    .defaultSuccessUrl("/console", true)
                    .failureHandler(loginFailures));
        }
        return http.build();
    }
}
