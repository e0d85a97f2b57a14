package nl.dijkwacht.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID Connect issuer in the test JVM: Spring Authorization Server on its own port, with discovery
 * ({@code /.well-known/openid-configuration}), a JWKS, a token endpoint and a login page, signing RS256 tokens with
 * a key it generates at start. Started once per JVM ({@link #get()}), shared by every test that needs it.
 *
 * <p>Two ways to get tokens:
 * <ul>
 *   <li>{@link #token(Map)}: the client-credentials grant of the real token endpoint, with the claims the test wants
 *       (user, department, roles, tenant, training date — or a past {@code exp}, another {@code aud}, another
 *       {@code iss}) passed as the extra parameter {@code dw_claims} and set on the signed token by the issuer's
 *       token customizer. The default audience is {@value #AUDIENCE}.</li>
 *   <li>The authorization-code flow for browser tests (console login): register a user with {@link #addUser} and a
 *       client with {@link #addWebClient}; the user signs in on the issuer's own login form, and the ID and access
 *       tokens carry the user's claims.</li>
 * </ul>
 */
public final class TestIssuer {

    /** The audience of tokens meant for Dijkwacht, and the client id of the token-endpoint client. */
    public static final String AUDIENCE = "dijkwacht";
    /** The id the gateway knows this issuer by ({@code dijkwacht.identity.issuers[].id}). */
    public static final String ID = "test-idp";
    private static final String CLIENT_SECRET = "test-client-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestIssuer instance;

    private final ConfigurableApplicationContext context;
    private final String issuerUri;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestIssuer(ConfigurableApplicationContext context, String issuerUri) {
        this.context = context;
        this.issuerUri = issuerUri;
    }

    /** The issuer of this JVM, started on first use (a second or so) and stopped when the JVM exits. */
    public static synchronized TestIssuer get() {
        if (instance == null) {
            int port = FreePort.find();
            String issuer = "http://127.0.0.1:" + port;
            ConfigurableApplicationContext context = new SpringApplicationBuilder(IssuerApplication.class)
                    .properties(Map.of("dijkwacht.test-issuer.uri", issuer))
                    .run("--spring.config.name=dijkwacht-test-issuer", "--server.port=" + port,
                            "--spring.main.banner-mode=off", "--server.address=127.0.0.1");
            instance = new TestIssuer(context, issuer);
            Runtime.getRuntime().addShutdownHook(new Thread(context::close, "test-issuer-stop"));
        }
        return instance;
    }

    public String issuerUri() {
        return issuerUri;
    }

    /** Points a gateway test context at this issuer (as issuer {@value #ID}, audience {@value #AUDIENCE}). */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("dijkwacht.identity.issuers[0].id", () -> ID);
        registry.add("dijkwacht.identity.issuers[0].issuer-uri", this::issuerUri);
        registry.add("dijkwacht.identity.issuers[0].audiences[0]", () -> AUDIENCE);
    }

    /**
     * A signed access token from the issuer's token endpoint with these claims added or replaced. Values: strings,
     * lists, numbers; {@code exp}/{@code iat}/{@code nbf} as {@link Instant} or epoch seconds; {@code null} removes
     * the claim. Without a {@code sub} the token's subject is the client id.
     */
    public String token(Map<String, ?> claims) {
        Map<String, Object> encodable = new LinkedHashMap<>();
        claims.forEach((k, v) -> encodable.put(k, v instanceof Instant i ? i.getEpochSecond() : v));
        try {
            String dwClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(encodable));
            String form = "grant_type=client_credentials&dw_claims=" + dwClaims;
            String basic = Base64.getEncoder().encodeToString((AUDIENCE + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuerUri + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A staff token: user id, department and roles (any may be null). */
    public String staffToken(String user, String department, String... roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user);
        if (department != null) {
            claims.put("department", department);
        }
        if (roles.length > 0) {
            claims.put("roles", List.of(roles));
        }
        return token(claims);
    }

    /** A user who can sign in on the issuer's login form; the tokens issued for them carry {@code claims}. */
    public void addUser(String username, String password, Map<String, ?> claims) {
        context.getBean("users", InMemoryUserDetailsManager.class).createUser(
                User.withUsername(username).password("{noop}" + password).roles("USER").build());
        context.getBean(IssuerApplication.class).userClaims.put(username, Map.copyOf(claims));
    }

    /** A confidential client for the authorization-code flow (OIDC login), with scopes openid and profile. */
    public void addWebClient(String clientId, String secret, String redirectUri) {
        context.getBean(RegisteredClientRepository.class).save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId).clientSecret("{noop}" + secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(redirectUri).scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build());
    }

    /**
     * Spring Authorization Server with only the auto-configuration a web server needs (not the gateway's). Not a
     * {@code @Configuration}: the gateway's component scan (which sees test classes) must not pick it up.
     */
    @EnableWebSecurity
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class})
    static class IssuerApplication {

        final Map<String, Map<String, ?>> userClaims = new ConcurrentHashMap<>();

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults()).build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager();
        }

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(AUDIENCE).clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .build());
        }

        @Bean
        JWKSource<SecurityContext> jwkSource() throws Exception {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** The issuer's own decoder (its userinfo endpoint is a resource server). */
        @Bean
        org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
            return org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings(org.springframework.core.env.Environment env) {
            return AuthorizationServerSettings.builder().issuer(env.getRequiredProperty("dijkwacht.test-issuer.uri")).build();
        }

        /** Puts the test's claims on the token: {@code dw_claims} (client credentials) or the signed-in user's claims. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                JwtClaimsSet.Builder claims = context.getClaims();
                if (context.getAuthorizationGrant() instanceof OAuth2ClientCredentialsAuthenticationToken grant) {
                    Object encoded = grant.getAdditionalParameters().get("dw_claims");
                    if (encoded instanceof String text) {
                        apply(claims, decode(text));
                    }
                } else if (context.getPrincipal() != null) {
                    Map<String, ?> own = userClaims.get(context.getPrincipal().getName());
                    if (own != null) {
                        apply(claims, own);
                    }
                }
            };
        }

        private static Map<String, Object> decode(String text) {
            try {
                return JSON.readValue(Base64.getUrlDecoder().decode(text), new TypeReference<Map<String, Object>>() { });
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("dw_claims is not base64url JSON", e);
            }
        }

        private static void apply(JwtClaimsSet.Builder claims, Map<String, ?> wanted) {
            wanted.forEach((name, value) -> {
                if (value == null) {
                    claims.claims(all -> all.remove(name));
                } else if (name.equals("exp") || name.equals("iat") || name.equals("nbf")) {
                    Instant at = value instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : Instant.parse(value.toString());
                    claims.claim(name, at);
                } else if (name.equals("aud")) {
                    claims.audience(value instanceof Collection<?> c ? c.stream().map(Object::toString).toList() : List.of(value.toString()));
                } else {
                    claims.claim(name, value);
                }
            });
        }
    }
}
