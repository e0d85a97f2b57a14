package nl.dijkwacht.invoke;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.dijkwacht.catalog.AzureSettings;
import nl.dijkwacht.catalog.ModelDefinition;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * Microsoft Entra ID access tokens for Azure OpenAI models with {@code auth: entra-id}: the client-credentials grant
 * (Spring Security's token client), one token per model cached until shortly before it expires. A token that cannot
 * be had fails the call as an authentication failure of the upstream, which the breaker and fallback handle.
 */
public final class EntraTokens {

    private static final Duration REFRESH_BEFORE = Duration.ofSeconds(60);

    private final RestClientClientCredentialsTokenResponseClient client = new RestClientClientCredentialsTokenResponseClient();
    private final Map<String, OAuth2AccessToken> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    public EntraTokens(Clock clock, Duration timeout) {
        this.clock = clock;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(timeout);
        factory.setReadTimeout(timeout);
        client.setRestClient(RestClient.builder()
                .requestFactory(factory)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
    }

    /** A valid access token for the model's deployment. */
    public String token(ModelDefinition model) {
        AzureSettings azure = model.serving().azure();
        String key = model.id() + " " + azure.clientId() + " " + azure.tokenUrl();
        OAuth2AccessToken token = tokens.get(key);
        if (fresh(token)) {
            return token.getTokenValue();
        }
        synchronized (this) {
            token = tokens.get(key);
            if (!fresh(token)) {
                token = fetch(model, azure);
                tokens.put(key, token);
            }
            return token.getTokenValue();
        }
    }

    private boolean fresh(OAuth2AccessToken token) {
        return token != null && token.getExpiresAt() != null && token.getExpiresAt().isAfter(clock.instant().plus(REFRESH_BEFORE));
    }

    private OAuth2AccessToken fetch(ModelDefinition model, AzureSettings azure) {
        String secret = azure.clientSecret();
        if (secret == null) {
            throw new UpstreamException(UpstreamException.Kind.ERROR_STATUS, 401,
                    "client secret for Entra ID not set (" + azure.clientSecretEnv() + ")", null);
        }
        ClientRegistration registration = ClientRegistration.withRegistrationId(model.id())
                .clientId(azure.clientId())
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(azure.tokenUrl().toString())
                .scope(azure.scope())
                .build();
        try {
            return client.getTokenResponse(new OAuth2ClientCredentialsGrantRequest(registration)).getAccessToken();
        } catch (RuntimeException e) {
            // the token endpoint's message may echo the client id; say only that it failed
            throw new UpstreamException(UpstreamException.Kind.ERROR_STATUS, 401, "Entra ID token request failed", e);
        }
    }
}
