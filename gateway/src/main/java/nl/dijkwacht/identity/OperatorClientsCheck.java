package nl.dijkwacht.identity;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Which identity providers have no {@code operator-clients} (redteam47, identity48). The list is optional — requiring it
 * would stop every gateway configured before it at start-up — but without it any client of the provider that is not a
 * tool's may act on the admin and auditor API, among them a key-based tool that is handed its users' tokens (an
 * administrator's too) in {@code X-Dijkwacht-User-Token}. So the absence is made visible in three places: a warning at
 * start-up (issuer ids only, never a token), this health indicator ({@code /actuator/health/identity} on the management
 * port: status UP, detail {@code issuersWithoutOperatorClients}) and a notice on the console's administration page.
 */
public final class OperatorClientsCheck implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(OperatorClientsCheck.class);

    private final List<String> withoutList;

    public OperatorClientsCheck(IdentityProperties identity) {
        this.withoutList = identity.issuers().stream().filter(i -> i.operatorClients().isEmpty()).map(IdentityProperties.Issuer::id).toList();
    }

    /** The ids of the configured identity providers without {@code operator-clients}, in configuration order. */
    public List<String> issuersWithoutOperatorClients() {
        return withoutList;
    }

    /** The start-up warning, once per issuer without the list. */
    public void warnAtStart() {
        for (String issuer : withoutList) {
            log.warn("dijkwacht.identity.issuers[{}] has no operator-clients: a token of any client of this identity provider that "
                    + "is not a tool's is accepted on the admin and auditor API, also a token a key-based tool was given for its "
                    + "user; list the administrators' clients (docs/admin-guide.md, \"Upgrading: operator-clients\")", issuer);
        }
    }

    @Override
    public Health health() {
        // optional setting: the gateway is ready without it; the detail says what is missing
        return Health.up().withDetail("issuersWithoutOperatorClients", withoutList).build();
    }
}
