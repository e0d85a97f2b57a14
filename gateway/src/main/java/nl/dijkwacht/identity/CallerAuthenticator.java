package nl.dijkwacht.identity;

import com.nimbusds.jwt.JWTParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import nl.dijkwacht.pipeline.Refusal;
import java.util.List;
import nl.dijkwacht.policy.ToolPolicy;
import nl.dijkwacht.tenancy.Tenant;
import nl.dijkwacht.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who is calling from a request's {@link Credentials}: the tool (its key, or the client id of a staff
 * token), the staff member (a verified access token; or, for a tool the policy trusts, its identity headers) and
 * the tenant; or, on the management endpoints, the operator (a key from operators.yaml that has not expired, or an
 * access token with the admin/auditor role claim). Every refusal is a Dutch {@link Refusal} in the OpenAI format.
 *
 * <p>The tenant is decided here and only from what was verified: the tenant whose tools.yaml or operators.yaml holds
 * the key, or the tenant of the access token (its issuer's fixed tenant, else its tenant claim, else the default
 * tenant) — and only a tenant that token's issuer may act for ({@link IssuerTenants}, 403 {@code tenant_not_allowed},
 * identity49). A tool key together with a staff token of another tenant is refused.
 */
public final class CallerAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(CallerAuthenticator.class);

    private final Tenants tenants;
    private final TokenVerifier tokens;
    private final IdentityProperties.OperatorRoles operatorRoles;
    private final UnaryOperator<String> pseudonym;
    private final Clock clock;
    private final WarmUpPass warmUp;

    /**
     * @param pseudonym keyed pseudonym of a user id (the audit's), used as the id of operators who sign in by token
     */
    public CallerAuthenticator(Tenants tenants, TokenVerifier tokens, IdentityProperties.OperatorRoles operatorRoles,
                               UnaryOperator<String> pseudonym, Clock clock) {
        this(tenants, tokens, operatorRoles, pseudonym, clock, new WarmUpPass());
    }

    /** @param warmUp the start-up warm-up's key, accepted only while the warm-up runs */
    public CallerAuthenticator(Tenants tenants, TokenVerifier tokens, IdentityProperties.OperatorRoles operatorRoles,
                               UnaryOperator<String> pseudonym, Clock clock, WarmUpPass warmUp) {
        this.warmUp = warmUp;
        this.tenants = tenants;
        this.tokens = tokens;
        this.operatorRoles = operatorRoles;
        this.pseudonym = pseudonym;
        this.clock = clock;
    }

    /**
     * The outcome: exactly one of {@code value} and {@code refusal} is set. {@code identified}: on a refusal, the operator
     * whom a verified token named although it does not make them one (no role, both roles, a tool's client) — so that the
     * refusal is recorded as that person's action instead of leaving no trace; else {@code null}.
     */
    public record Result<T>(T value, Refusal refusal, Operator identified) {
        static <T> Result<T> ok(T value) {
            return new Result<>(value, null, null);
        }

        public static <T> Result<T> refused(Refusal refusal) {
            return new Result<>(null, refusal, null);
        }

        static <T> Result<T> refused(Refusal refusal, Operator identified) {
            return new Result<>(null, refusal, identified);
        }

        public boolean allowed() {
            return value != null;
        }
    }

    // ---------------------------------------------------------------- tools and staff

    /** A tool calling the model API or the tool endpoints, with the staff member behind it where known. */
    public Result<Caller> tool(Credentials credentials) {
        if (credentials.bearer() == null) {
            return Result.refused(Refusal.unauthorized("missing_api_key",
                    "Geen API-sleutel meegestuurd. Zet de sleutel van uw tool in de header 'Authorization: Bearer <sleutel>'."));
        }
        if (looksLikeJwt(credentials.bearer())) {
            return tokenOnly(credentials.bearer());
        }
        Caller warmUpCaller = warmUp.callerFor(credentials.bearer());
        if (warmUpCaller != null) {
            return Result.ok(warmUpCaller);
        }
        List<Tenants.Match<ToolPolicy>> found = tenants.toolsByKeyHash(sha256(credentials.bearer()));
        if (found.size() != 1) {
            if (found.size() > 1) {
                log.error("one tool key is listed in the tools.yaml of {} tenants; refused until it is unique", found.size());
            }
            return Result.refused(Refusal.unauthorized("invalid_api_key",
                    "Deze API-sleutel is onbekend bij Dijkwacht. Vraag de functioneel beheerder om een geldige sleutel voor uw tool."));
        }
        ToolPolicy tool = found.getFirst().value();
        String tenant = found.getFirst().tenant().id();
        if (credentials.userToken() != null) {
            StaffToken staff;
            try {
                staff = tokens.verify(credentials.userToken());
            } catch (TokenRejectedException e) {
                return Result.refused(refusal(e));
            }
            return staffCaller(tool, staff, tenant);
        }
        if (tool.trustedIdentityHeaders()) {
            String user = credentials.declaredUser();
            return Result.ok(new Caller(tool.id(), user == null || user.isBlank() ? null : user.strip(),
                    credentials.declaredDepartment() == null ? null : credentials.declaredDepartment().strip(),
                    credentials.declaredRoleList(), tenant, null, IdentitySource.TRUSTED_TOOL, null));
        }
        return Result.ok(Caller.toolOnly(tool.id(), tenant));
    }

    private Result<Caller> tokenOnly(String token) {
        StaffToken staff;
        try {
            staff = tokens.verify(token);
        } catch (TokenRejectedException e) {
            return Result.refused(refusal(e));
        }
        Optional<Tenant> tenant = tenants.find(tenantOf(staff));
        if (tenant.isEmpty()) {
            return Result.refused(unknownTenant());
        }
        if (!bound(staff)) {
            return Result.refused(tenantNotAllowed());
        }
        Optional<ToolPolicy> tool = tenant.get().policy().current().toolByClientId(staff.clientId());
        if (tool.isEmpty()) {
            return Result.refused(Refusal.unauthorized("token_tool_unknown",
                    "Dit toegangstoken is niet uitgegeven aan een tool die Dijkwacht kent. Stuur de sleutel van uw tool mee in "
                            + "'Authorization: Bearer <sleutel>' en het token van de medewerker in de header 'X-Dijkwacht-User-Token'."));
        }
        return staffCaller(tool.get(), staff, tenant.get().id());
    }

    private Result<Caller> staffCaller(ToolPolicy tool, StaffToken staff, String toolTenant) {
        if (!tenantOf(staff).equals(toolTenant)) {
            return Result.refused(Refusal.forbidden("tenant_mismatch",
                    "Het toegangstoken hoort bij een andere organisatie dan de tool. Gebruik de tool van uw eigen organisatie.", null));
        }
        if (!bound(staff)) {
            return Result.refused(tenantNotAllowed());
        }
        return Result.ok(new Caller(tool.id(), staff.userId(), staff.department(), staff.roles(), toolTenant,
                staff.aiTrainingDate(), IdentitySource.TOKEN, staff.issuer()));
    }

    // ---------------------------------------------------------------- operators

    /** An administrator or auditor on the management endpoints; {@code required} is the role the endpoint needs. */
    public Result<Operator> operator(Credentials credentials, OperatorRole required) {
        Result<Operator> who = identifyOperator(credentials);
        if (!who.allowed()) {
            return who;
        }
        if (!who.value().has(required)) {
            return Result.refused(roleRequired(required));
        }
        return who;
    }

    /**
     * Who the operator is (a valid key or token with a management role), before the endpoint's role is checked: so
     * that an operator refused for lacking the role can still be named in the record of that refusal.
     */
    public Result<Operator> identifyOperator(Credentials credentials) {
        if (credentials.bearer() == null) {
            return Result.refused(Refusal.unauthorized("missing_api_key",
                    "Geen beheersleutel of toegangstoken meegestuurd. Gebruik 'Authorization: Bearer <sleutel of token>'."));
        }
        return looksLikeJwt(credentials.bearer()) ? operatorByToken(credentials.bearer()) : operatorByKey(credentials.bearer());
    }

    /** 401 for a request that sends a credential header (a key, a token, an identity header) more than once. */
    public static Refusal doubledHeader(String header) {
        return Refusal.unauthorized("credentials_ambiguous", "De header '" + header + "' staat meer dan eens in het verzoek. "
                + "Stuur één sleutel en hoogstens één toegangstoken; Dijkwacht kiest er niet zelf een uit.");
    }

    /** 403 for an operator without the role an endpoint needs (separation of duties). */
    public static Refusal roleRequired(OperatorRole required) {
        return Refusal.forbidden("role_required", "Voor deze functie is de rol '" + required.yamlName() + "' nodig.", null);
    }

    private Result<Operator> operatorByKey(String key) {
        List<Tenants.Match<OperatorAccount>> found = tenants.operatorsByKeyHash(sha256(key));
        if (found.size() != 1) {
            if (found.size() > 1) {
                log.error("one operator key is listed in the operators.yaml of {} tenants; refused until it is unique", found.size());
            }
            return Result.refused(Refusal.unauthorized("invalid_api_key", "Deze beheersleutel is onbekend."));
        }
        Optional<OperatorAccount> account = Optional.of(found.getFirst().value());
        if (account.get().expiredOn(LocalDate.now(clock))) {
            return Result.refused(Refusal.unauthorized("api_key_expired",
                    "Deze beheersleutel is verlopen op " + account.get().expires() + ". Vraag de functioneel beheerder om een nieuwe sleutel."));
        }
        return Result.ok(new Operator(account.get().id(), account.get().roles(), found.getFirst().tenant().id(), false));
    }

    private Result<Operator> operatorByToken(String token) {
        StaffToken staff;
        try {
            staff = tokens.verify(token);
        } catch (TokenRejectedException e) {
            return Result.refused(refusal(e));
        }
        Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
        if (staff.roles().contains(operatorRoles.admin())) {
            roles.add(OperatorRole.ADMIN);
        }
        if (staff.roles().contains(operatorRoles.auditor())) {
            roles.add(OperatorRole.AUDITOR);
        }
        String tenant = tenantOf(staff);
        String actor = OidcActor.id(staff.issuer(), staff.userId(), pseudonym);
        if (tenants.find(tenant).isEmpty()) {
            // no chain of that tenant to record it in: the refusal is the default tenant's record — the organisation that
            // runs the gateway and configured the issuer (identity48; before, it left no record at all)
            return Result.refused(unknownTenant(), new Operator(actor, roles, tenants.defaultTenant().id(), true));
        }
        if (!bound(staff)) {
            // the issuer may not act for the tenant its token names: recorded, like an unknown tenant, in the default
            // tenant's records — the claimed tenant is exactly what cannot be trusted (identity49)
            return Result.refused(tenantNotAllowed(), new Operator(actor, roles, tenants.defaultTenant().id(), true));
        }
        Operator who = new Operator(actor, roles, tenant, true);
        if (roles.size() > 1) {
            return Result.refused(Refusal.forbidden("role_conflict",
                    "Uw account heeft zowel de rol '" + operatorRoles.admin() + "' als '" + operatorRoles.auditor()
                            + "'. Functiescheiding: laat één van beide rollen intrekken bij het identiteitsbeheer.", null), who);
        }
        if (roles.isEmpty()) {
            return Result.refused(Refusal.forbidden("role_required",
                    "Uw account heeft geen beheer- of auditorrol voor Dijkwacht ('" + operatorRoles.admin() + "' of '"
                            + operatorRoles.auditor() + "').", null), who);
        }
        if (toolClient(staff.clientId())) {
            // a tool that is given the staff member's token (to name them on the model API) must not become their
            // administrator or auditor with it
            return Result.refused(Refusal.forbidden("operator_token_of_tool",
                    "Dit toegangstoken is uitgegeven aan een tool die Dijkwacht kent, niet aan een beheer- of auditprogramma. "
                            + "Haal voor beheer of audit een token op met het eigen programma daarvoor.", null), who);
        }
        if (!staff.operatorClient()) {
            return Result.refused(Refusal.forbidden("operator_client_not_allowed",
                    "Dit toegangstoken is uitgegeven aan een programma dat niet voor beheer of audit is aangewezen "
                            + "(operator-clients van de identiteitsprovider). Haal een token op met het programma voor beheer of audit.",
                    null), who);
        }
        return Result.ok(who);
    }

    /** Whether a tool of any tenant is known by this OIDC client id (its {@code oidc-client-ids}). */
    private boolean toolClient(String clientId) {
        for (Tenant t : tenants.all()) {
            if (t.policy().current().toolByClientId(clientId).isPresent()) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- shared

    /** The token's tenant: its issuer's fixed tenant, else its tenant claim, else the default tenant. */
    private String tenantOf(StaffToken staff) {
        return staff.tenant() != null && !staff.tenant().isBlank() ? staff.tenant() : tenants.defaultTenant().id();
    }

    /** Whether the token's issuer may act for the tenant the token names ({@link IssuerTenants}). */
    private boolean bound(StaffToken staff) {
        return IssuerTenants.allows(staff.reachableTenants(), staff.tenant(), tenants.defaultTenant().id());
    }

    /** 403 for a token whose identity provider may not act for the tenant it names (identity49). */
    public static Refusal tenantNotAllowed() {
        return Refusal.forbidden("tenant_not_allowed",
                "Het toegangstoken komt van een identiteitsprovider die niet namens deze organisatie mag optreden: elke "
                        + "organisatie is gekoppeld aan de identiteitsprovider(s) die de functioneel beheerder voor haar heeft "
                        + "ingesteld. Meld u aan via de identiteitsprovider van uw eigen organisatie.", null);
    }

    private static Refusal unknownTenant() {
        return Refusal.forbidden("tenant_unknown",
                "Het toegangstoken hoort bij een organisatie die deze Dijkwacht niet bedient. Vraag de functioneel beheerder om hulp.", null);
    }

    /** The Dutch refusal for a token that was not accepted. */
    static Refusal refusal(TokenRejectedException e) {
        return switch (e.reason()) {
            case EXPIRED -> Refusal.unauthorized("token_expired",
                    "Het toegangstoken is verlopen. Laat uw tool een nieuw token ophalen (opnieuw aanmelden) en probeer het nog eens.");
            case NOT_YET_VALID -> Refusal.unauthorized("token_not_yet_valid",
                    "Het toegangstoken is nog niet geldig: het geldt pas vanaf een later tijdstip. Meestal loopt de klok van de "
                            + "identiteitsprovider of van Dijkwacht niet gelijk; vraag de functioneel beheerder de tijdinstelling te controleren.");
            case LIFETIME_TOO_LONG -> Refusal.unauthorized("token_lifetime_too_long",
                    "Het toegangstoken is langer geldig dan Dijkwacht toestaat. Vraag de functioneel beheerder de geldigheidsduur "
                            + "van toegangstokens bij de identiteitsprovider te verkorten of de instelling max-token-lifetime na te gaan.");
            case TIMESTAMPS_MISSING -> Refusal.unauthorized("token_timestamps_missing",
                    "Het toegangstoken vermeldt niet wanneer het is uitgegeven of tot wanneer het geldt (iat en exp zijn verplicht). "
                            + "Vraag de functioneel beheerder de instellingen van de identiteitsprovider te controleren.");
            case UNTRUSTED_ISSUER -> Refusal.unauthorized("token_issuer_untrusted",
                    "Het toegangstoken komt van een identiteitsprovider die Dijkwacht niet vertrouwt.");
            case WRONG_AUDIENCE -> Refusal.unauthorized("token_audience_invalid",
                    "Het toegangstoken is niet voor Dijkwacht bestemd (de audience klopt niet). Vraag een token aan voor Dijkwacht.");
            case NO_USER -> Refusal.unauthorized("token_invalid",
                    "Het toegangstoken noemt geen medewerker. Vraag de functioneel beheerder de claimtoewijzing te controleren.");
            case CLAIMS -> Refusal.unauthorized("token_claims_invalid",
                    "Het toegangstoken is echt, maar de afdeling, rollen of gebruikers-id erin heeft een vorm die Dijkwacht "
                            + "niet eenduidig kan lezen (bijvoorbeeld twee afdelingen, of een te lange waarde). Vraag de functioneel "
                            + "beheerder de claimtoewijzing bij de identiteitsprovider te controleren.");
            case TENANT_CLAIM -> Refusal.unauthorized("token_tenant_invalid",
                    "Het toegangstoken is echt, maar de organisatie (tenant) erin is geen enkele naam: Dijkwacht leest daar alleen "
                            + "tekst, geen lijst, getal, ja/nee-waarde of object. Vraag de functioneel beheerder de claimtoewijzing bij de "
                            + "identiteitsprovider te controleren.");
            case INVALID -> Refusal.unauthorized("token_invalid",
                    "Het toegangstoken is ongeldig: de handtekening of de opbouw klopt niet. Meld u opnieuw aan in uw tool.");
            case NOT_AN_ACCESS_TOKEN -> Refusal.unauthorized("token_type_invalid",
                    "Dit is geen toegangstoken maar bijvoorbeeld een ID- of vernieuwingstoken. Laat uw tool het toegangstoken "
                            + "(access token) van de identiteitsprovider meesturen.");
            case REQUIRED_CLAIM -> Refusal.unauthorized("token_organisation_invalid",
                    "Het toegangstoken is echt, maar mist een kenmerk dat deze Dijkwacht eist (bijvoorbeeld het domein van uw "
                            + "organisatie). Meld u aan met het account van uw organisatie.");
            case ISSUER_UNREACHABLE -> Refusal.unavailable("identity_provider_unavailable",
                    "Dijkwacht kan het toegangstoken nu niet controleren: de identiteitsprovider is niet bereikbaar. Probeer het later opnieuw.");
        };
    }

    /** A compact-serialised JWT (signed or not) rather than an opaque key. Keys never contain dots. */
    static boolean looksLikeJwt(String value) {
        int dots = 0;
        for (int i = 0; i < value.length() && dots <= 2; i++) { // a loop, not a stream: every request asks (perf46)
            if (value.charAt(i) == '.') {
                dots++;
            }
        }
        if (dots != 2) {
            return false;
        }
        try {
            JWTParser.parse(value);
            return true;
        } catch (ParseException e) {
            return false;
        }
    }

    /** SHA-256 of a key, hex: tools.yaml and operators.yaml hold only these. */
    public static String sha256(String key) {
        return HexFormat.of().formatHex(sha256Digest().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** Never used itself: every request's digest is a clone of it (no provider look-up per request). */
    private static final MessageDigest SHA256 = newSha256();

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }
}
