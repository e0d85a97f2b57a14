package nl.dijkwacht.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.identity.IdentitySource;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.policy.GovernanceSettings;
import nl.dijkwacht.policy.LimitsPolicy;
import nl.dijkwacht.policy.PolicySet;

/** Policy snapshots with a given limits.yaml, and exchanges of a verified caller, for the limits tests. */
final class LimitsFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LimitsFixture() {
    }

    static PolicySet policy(LimitsPolicy limits) {
        return new PolicySet("test", Map.of(), Map.of(), new ModelCatalog(List.of()), List.of(), GovernanceSettings.defaults(), limits);
    }

    static LimitsPolicy limits(Map<LimitsPolicy.Scope, LimitsPolicy.Values> defaults) {
        return limits(defaults, Map.of());
    }

    static LimitsPolicy limits(Map<LimitsPolicy.Scope, LimitsPolicy.Values> defaults,
                               Map<LimitsPolicy.Scope, Map<String, LimitsPolicy.Values>> overrides) {
        return new LimitsPolicy(LimitsPolicy.DEFAULT_TIME_ZONE, 100, 60, defaults, overrides);
    }

    static Exchange exchange(PolicySet policy, String tool, String user, String department, String tenant) {
        Exchange exchange = new Exchange(UUID.randomUUID().toString(), Endpoint.CHAT_COMPLETIONS, CallerHeaders.NONE, policy);
        IdentitySource source = user == null && department == null ? IdentitySource.TOOL_ONLY : IdentitySource.TOKEN;
        exchange.caller(new Caller(tool, user, department, List.of(), tenant, null, source, null));
        ObjectNode body = JSON.createObjectNode().put("model", "dry-run").put("max_tokens", 90);
        body.putArray("messages").addObject().put("role", "user").put("content", "hallo");
        exchange.request(new ChatRequest(body));
        return exchange;
    }

    static CallerLimits callerLimits(BucketStore store) {
        return new CallerLimits(store, user -> "p-" + Integer.toHexString(user.hashCode()), 120, Clock.systemUTC());
    }

    /** A tenant name no other test run uses, so tests on the shared Redis never meet. */
    static String freshTenant() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
