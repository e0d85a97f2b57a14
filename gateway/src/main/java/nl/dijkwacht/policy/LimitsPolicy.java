package nl.dijkwacht.policy;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code policies/limits.yaml}: request rates and token budgets per scope (user, department, tool, use-case,
 * tenant), the reserve for answers of unknown length, and the limit on callers that have not authenticated yet.
 * Enforced by the {@code limits} package; documented in docs/policy-reference.md.
 */
public record LimitsPolicy(
        ZoneId timeZone,
        long completionTokensEstimate,
        long unauthenticatedPerMinute,
        Map<Scope, Values> defaults,
        Map<Scope, Map<String, Values>> overrides) {

    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Amsterdam");
    public static final long DEFAULT_COMPLETION_TOKENS = 1024;
    public static final long DEFAULT_UNAUTHENTICATED_PER_MINUTE = 60;

    public LimitsPolicy {
        defaults = defaults.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(defaults));
        Map<Scope, Map<String, Values>> copy = new EnumMap<>(Scope.class);
        overrides.forEach((scope, named) -> copy.put(scope, Map.copyOf(named)));
        overrides = copy.isEmpty() ? Map.of() : Map.copyOf(copy);
    }

    /**
     * The limits for a pack without limits.yaml: every user {@code userRequestsPerMinute}, every tool ten times that
     * (so no choice of user id escapes), the default unauthenticated limit, no token budgets.
     */
    public static LimitsPolicy builtIn(long userRequestsPerMinute) {
        return new LimitsPolicy(DEFAULT_TIME_ZONE, DEFAULT_COMPLETION_TOKENS, DEFAULT_UNAUTHENTICATED_PER_MINUTE,
                Map.of(Scope.USER, new Values(userRequestsPerMinute, null, null),
                        Scope.TOOL, new Values(Math.multiplyExact(userRequestsPerMinute, 10), null, null)),
                Map.of());
    }

    /** The limits of one member of a scope: its override's fields over the scope's defaults. */
    public Values limitsOf(Scope scope, String subject) {
        Values base = defaults.getOrDefault(scope, Values.NONE);
        Values own = subject == null ? null : overrides.getOrDefault(scope, Map.of()).get(subject);
        return own == null ? base : own.over(base);
    }

    /** Who a limit applies to. Every member of a scope has buckets of its own. */
    public enum Scope {
        TENANT, TOOL, USE_CASE, DEPARTMENT, USER;

        /** Made once: every request's bucket keys and rate-limit headers name their scopes and kinds. */
        private final String yamlName = name().toLowerCase(Locale.ROOT).replace('_', '-');

        public String yamlName() {
            return yamlName;
        }

        public static Scope fromYaml(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** What a limit counts, and over which period. */
    public enum Kind {
        REQUESTS_PER_MINUTE, TOKENS_PER_DAY, TOKENS_PER_MONTH;

        private final String yamlName = name().toLowerCase(Locale.ROOT).replace('_', '-');

        public String yamlName() {
            return yamlName;
        }
    }

    /**
     * The amounts for one member of a scope. {@code null} means "not set here" (the default applies);
     * {@link #UNLIMITED} (an override's {@code unlimited}) lifts a default.
     */
    public record Values(Long requestsPerMinute, Long tokensPerDay, Long tokensPerMonth) {

        public static final long UNLIMITED = -1;
        public static final Values NONE = new Values(null, null, null);

        /** The amount for a kind, or {@code null} when that kind is not limited. */
        public Long amount(Kind kind) {
            Long value = switch (kind) {
                case REQUESTS_PER_MINUTE -> requestsPerMinute;
                case TOKENS_PER_DAY -> tokensPerDay;
                case TOKENS_PER_MONTH -> tokensPerMonth;
            };
            return value == null || value == UNLIMITED ? null : value;
        }

        Values over(Values base) {
            return new Values(requestsPerMinute != null ? requestsPerMinute : base.requestsPerMinute,
                    tokensPerDay != null ? tokensPerDay : base.tokensPerDay,
                    tokensPerMonth != null ? tokensPerMonth : base.tokensPerMonth);
        }
    }
}
