package nl.dijkwacht.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** identity49's red-team pass on the binding rule itself ({@link IssuerTenants}); the gateway tests send the tokens. */
class IssuerTenantsTest {

    private static final String DEFAULT = "gemeente";

    private static IdentityProperties.Issuer issuer(String tenant, List<String> tenants) {
        return new IdentityProperties.Issuer("idp", "https://idp.example", null, List.of("dijkwacht"), null, tenant, null,
                null, null, null, null, tenants);
    }

    @Test
    void aFixedTenantIsTheOnlyOneItsIssuerReaches() {
        IdentityProperties.Issuer own = issuer(" gemeente-b ", null);
        assertThat(IssuerTenants.allows(own, "gemeente-b", DEFAULT)).isTrue();
        assertThat(IssuerTenants.allows(own, DEFAULT, DEFAULT)).isFalse();
        assertThat(IssuerTenants.allows(own, null, DEFAULT)).as("no claim is the default tenant, not its own").isFalse();
    }

    @Test
    void aClaimMappedIssuerReachesWhatItListsAndNothingElse() {
        IdentityProperties.Issuer shared = issuer(null, List.of("gemeente-a", "gemeente-b"));
        assertThat(IssuerTenants.allows(shared, "gemeente-a", DEFAULT)).isTrue();
        assertThat(IssuerTenants.allows(shared, "gemeente-c", DEFAULT)).isFalse();
        assertThat(IssuerTenants.allows(shared, null, DEFAULT)).as("a missing claim: the default tenant, not listed").isFalse();
        for (String variant : List.of("Gemeente-a", "GEMEENTE-A", "gemeente-a\u200B", "gemeente\u2010a", "gemeente-а")) {
            assertThat(IssuerTenants.allows(shared, variant, DEFAULT)).as(variant).isFalse();
        }
        assertThat(IssuerTenants.allows(issuer(null, List.of(DEFAULT, "gemeente-a")), null, DEFAULT)).isTrue();
    }

    @Test
    void anUnboundIssuerReachesTheDefaultTenantOnly() {
        IdentityProperties.Issuer unbound = issuer(null, null);
        assertThat(IssuerTenants.allows(unbound, null, DEFAULT)).isTrue();
        assertThat(IssuerTenants.allows(unbound, DEFAULT, DEFAULT)).isTrue();
        assertThat(IssuerTenants.allows(unbound, "gemeente-b", DEFAULT)).isFalse();
        assertThat(IssuerTenants.allows((IdentityProperties.Issuer) null, "gemeente-b", DEFAULT))
                .as("a console sign-in provider not in dijkwacht.identity.issuers").isFalse();
        assertThat(IssuerTenants.allows(issuer(null, List.of(" ", "")), "gemeente-b", DEFAULT)).as("blank entries list nothing").isFalse();
    }
}
