package nl.dijkwacht.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.limits.AuthFailureCounter;
import nl.dijkwacht.limits.ClientAddress;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * A console sign-in that did not succeed — a wrong password, or an identity provider's account the console refuses
 * (both roles, no role, an organisation this gateway does not serve, a tenant claim that is no single name, an ID token
 * valid for longer than the issuer's {@code max-token-lifetime}) — is a
 * failed authentication like a refused key on the APIs: counted per source, minute and reason in
 * {@code auth_failure_minute} ({@link AuthFailureCounter}; reason {@code console_<code>}), and the browser goes back to the
 * sign-in page, which says in Dutch why ({@code /console/inloggen?fout=<code>}, the text fixed per code in
 * {@link #MESSAGES}: nothing the identity provider or the request sent is shown).
 */
final class ConsoleLoginFailures implements AuthenticationFailureHandler {

    /** The reasons the sign-in page explains; any other failure gets its general text. */
    static final Map<String, String> MESSAGES = Map.of(
            "role_conflict", "Uw account heeft zowel de beheer- als de auditorrol; functiescheiding staat dat niet toe. "
                    + "Laat één van beide rollen intrekken bij het identiteitsbeheer.",
            "role_required", "Uw account heeft geen beheer- of auditorrol voor Dijkwacht.",
            "tenant_unknown", "Uw account hoort bij een organisatie die deze Dijkwacht niet bedient.",
            "tenant_not_allowed", "U meldde zich aan via een identiteitsprovider die niet namens uw organisatie mag optreden. "
                    + "Elke organisatie is gekoppeld aan de identiteitsprovider(s) die de functioneel beheerder voor haar heeft "
                    + "ingesteld; meld u aan via die van uw eigen organisatie.",
            "tenant_claim_invalid", "Uw account noemt de organisatie (tenant) niet als één naam, maar als een lijst, getal, "
                    + "ja/nee-waarde of object. Dijkwacht kan zo niet bepalen bij welke organisatie u hoort. Vraag de "
                    + "functioneel beheerder de claimtoewijzing bij de identiteitsprovider te controleren.",
            "token_lifetime_too_long", "De identiteitsprovider gaf een aanmeldtoken af dat langer geldig is dan Dijkwacht "
                    + "toestaat (max-token-lifetime). Vraag de functioneel beheerder de geldigheidsduur van tokens bij de "
                    + "identiteitsprovider te verkorten.",
            "user_claim_invalid", "Het aanmeldtoken noemt uw gebruikers-id niet als één waarde in de claim die Dijkwacht "
                    + "daarvoor leest (dezelfde als voor de beheer- en audit-API). Vraag de functioneel beheerder de "
                    + "claimtoewijzing bij de identiteitsprovider te controleren.",
            ConsoleSessionLimit.TOO_OLD, "Uw sessie duurde langer dan Dijkwacht toestaat en is beëindigd. Meld u opnieuw aan.",
            ConsoleSessionLimit.ACCOUNT_CHANGED, "Uw sessie is beëindigd: uw beheeraccount is gewijzigd, ingetrokken of verlopen. "
                    + "Meld u opnieuw aan met de sleutel die nu geldt.");

    /**
     * The codes counted under their own reason: those above, a wrong password, and Spring Security's own OAuth 2 and
     * OIDC login codes. Any other is counted as {@code console_other}: the {@code error} of the identity provider's
     * callback is whatever the browser sends (review44: a caller that started its own sign-in could file a reason of its
     * choosing per attempt, a new counter and row each time).
     */
    static final java.util.Set<String> COUNTED = java.util.stream.Stream.concat(MESSAGES.keySet().stream(), java.util.stream.Stream.of(
            "bad_credentials", "invalid_request", "access_denied", "server_error", "temporarily_unavailable", "invalid_scope",
            "unauthorized_client", "unsupported_response_type", "invalid_token", "invalid_grant", "invalid_client",
            "authorization_request_not_found", "client_registration_not_found", "invalid_state_parameter", "invalid_id_token",
            "invalid_nonce", "invalid_token_response", "invalid_user_info_response", "missing_user_info_uri",
            "missing_user_name_attribute", "invalid_redirect_uri_parameter")).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final AuthFailureCounter failures;
    private final ClientAddress addresses;

    ConsoleLoginFailures(AuthFailureCounter failures, List<String> trustedProxies) {
        this.failures = failures;
        this.addresses = new ClientAddress(trustedProxies);
    }

    /** A session the console ended ({@link ConsoleSessionLimit}): counted like a refused sign-in, then the sign-in page. */
    void sessionEnded(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        if (failures != null) {
            failures.count(addresses.of(ServerRequest.create(request, List.of())), "console_" + code);
        }
        response.sendRedirect(request.getContextPath() + "/console/inloggen?fout=" + code);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "bad_credentials";
        String known = MESSAGES.containsKey(code) ? code : null;
        if (failures != null) {
            String reason = "console_" + (COUNTED.contains(code) ? code : "other");
            failures.count(addresses.of(ServerRequest.create(request, List.of())), reason.length() > 32 ? reason.substring(0, 32) : reason);
        }
        response.sendRedirect(request.getContextPath() + "/console/inloggen?fout" + (known == null ? "" : "=" + known));
    }
}
