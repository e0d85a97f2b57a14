package nl.dijkwacht.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import nl.dijkwacht.identity.IdentityProperties;
import nl.dijkwacht.tenancy.Tenant;
import nl.dijkwacht.tenancy.Tenants;
import org.junit.jupiter.api.Test;

/**
 * identity49: a binding of identity providers to tenants that contradicts itself stops the start with one sentence naming
 * the issuers and tenants involved ({@link IssuerTenantsCheck}); a consistent one — among them the admin guide's shared
 * identity provider of a samenwerkingsverband next to a municipality with its own — starts.
 */
class IssuerTenantsCheckTest {

    private static final Tenants TENANTS = new Tenants(List.of(new Tenant("gemeente", null, null, true),
            new Tenant("gemeente-a", null, null, false), new Tenant("gemeente-b", null, null, false),
            new Tenant("gemeente-c", null, null, false)));

    private static IdentityProperties.Issuer issuer(String id, String tenant, List<String> tenants) {
        return new IdentityProperties.Issuer(id, "https://idp.example/" + id, null, List.of("dijkwacht"), null, tenant, null,
                null, null, null, null, tenants);
    }

    private static String refusal(IdentityProperties.Issuer... issuers) {
        InvalidSettingException e = catchThrowableOfType(InvalidSettingException.class,
                () -> IssuerTenantsCheck.check(List.of(issuers), TENANTS));
        assertThat(e).as("refused at start-up").isNotNull();
        return e.getMessage() + " | " + e.action();
    }

    @Test
    void theAdminGuidesSharedProviderNextToAMunicipalityWithItsOwnStarts() {
        assertThatCode(() -> IssuerTenantsCheck.check(List.of(
                issuer("eigen-idp", "gemeente", null),
                issuer("samenwerking", null, List.of("gemeente-a", "gemeente-b")),
                issuer("idp-c", "gemeente-c", null)), TENANTS)).doesNotThrowAnyException();
        assertThatCode(() -> IssuerTenantsCheck.check(List.of(issuer("keycloak", null, null)), TENANTS)).doesNotThrowAnyException();
    }

    @Test
    void aTenantWithTwoIssuersOfItsOwnIsNamed() {
        assertThat(refusal(issuer("adfs", "gemeente-b", null), issuer("entra", "gemeente-b", null)))
                .startsWith("dijkwacht.identity.issuers[1].tenant (DIJKWACHT_IDENTITY_ISSUERS_1_TENANT): tenant 'gemeente-b' "
                        + "is the fixed tenant of two issuers, 'adfs' and 'entra'")
                .contains("at most one issuer of its own");
    }

    @Test
    void aSharedProviderListingATenantWithItsOwnIssuerIsNamed() {
        assertThat(refusal(issuer("idp-b", "gemeente-b", null), issuer("samenwerking", null, List.of("gemeente-a", "gemeente-b"))))
                .contains("issuer 'samenwerking' could act for tenant 'gemeente-b', which has an issuer of its own ('idp-b')")
                .contains("remove 'gemeente-b' from the tenants of 'samenwerking'");
        // the order in the configuration does not matter
        assertThat(refusal(issuer("samenwerking", null, List.of("gemeente-b")), issuer("idp-b", "gemeente-b", null)))
                .contains("could act for tenant 'gemeente-b'");
    }

    @Test
    void anUnboundIssuerNextToTheDefaultTenantsOwnIssuerIsNamed() {
        assertThat(refusal(issuer("eigen-idp", "gemeente", null), issuer("google", null, null)))
                .contains("issuer 'google' could act for tenant 'gemeente', which has an issuer of its own ('eigen-idp')")
                .contains("an issuer without 'tenant' or 'tenants' acts for the default tenant")
                .contains("give 'google' the tenants it serves");
    }

    /**
     * review49: on a gateway with one tenant every issuer can act for that tenant only, so "a tenant has at most one issuer
     * of its own" separates nobody — and the admin guide's upgrade note says such a gateway needs nothing. Before, a
     * one-tenant gateway moving from ADFS to Entra ID (both {@code tenant: gemeente}), or Entra ID with {@code tenant:}
     * next to a Google Workspace issuer without it, no longer started (and the advice, "give 'google' the tenants it
     * serves", refused the start again).
     */
    @Test
    void aGatewayWithOneTenantStartsWithSeveralIssuersOfThatTenant() {
        Tenants one = new Tenants(List.of(new Tenant("gemeente", null, null, true)));
        assertThatCode(() -> IssuerTenantsCheck.check(List.of(issuer("adfs", "gemeente", null), issuer("entra", "gemeente", null)),
                one)).doesNotThrowAnyException();
        assertThatCode(() -> IssuerTenantsCheck.check(List.of(issuer("entra", "gemeente", null), issuer("google", null, null)),
                one)).doesNotThrowAnyException();
        assertThatCode(() -> IssuerTenantsCheck.check(List.of(issuer("entra", "gemeente", null),
                issuer("google", null, List.of("gemeente"))), one)).doesNotThrowAnyException();
        // what cannot work on one tenant either is still named
        assertThat(catchThrowableOfType(InvalidSettingException.class, () -> IssuerTenantsCheck.check(
                List.of(issuer("entra", "gemeente-x", null)), one))).hasMessageContaining("which this gateway does not serve");
        assertThat(catchThrowableOfType(InvalidSettingException.class, () -> IssuerTenantsCheck.check(
                List.of(issuer("idp", "gemeente", List.of("gemeente"))), one))).hasMessageContaining("has both a fixed tenant");
    }

    @Test
    void bothSettingsOnOneIssuerAreNamed() {
        assertThat(refusal(issuer("idp", "gemeente-a", List.of("gemeente-b"))))
                .startsWith("dijkwacht.identity.issuers[0].tenants")
                .contains("issuer 'idp' has both a fixed tenant and a list of tenants its claim may name");
    }

    @Test
    void aTenantThisGatewayDoesNotServeIsNamed() {
        assertThat(refusal(issuer("samenwerking", null, List.of("gemeente-a", "Gemeente-B"))))
                .startsWith("dijkwacht.identity.issuers[0].tenants[1]")
                .contains("names tenant 'Gemeente-B', which this gateway does not serve")
                .contains("lower-case");
        assertThat(refusal(issuer("idp", "gemeente-x", null))).startsWith("dijkwacht.identity.issuers[0].tenant ");
    }
}
