package nl.dijkwacht.policy;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Turns a schema-checked {@code policies/limits.yaml} into a {@link LimitsPolicy}, with its cross-file checks. */
final class LimitsReader {

    private LimitsReader() {
    }

    static LimitsPolicy read(YamlDocument doc, PolicyFiles.LimitsFile raw, Set<String> tools, Set<String> useCases, Problems problems) {
        ZoneId zone = LimitsPolicy.DEFAULT_TIME_ZONE;
        if (raw.timeZone() != null) {
            try {
                zone = ZoneId.of(raw.timeZone());
            } catch (DateTimeException e) {
                problems.add(doc.problem("/time-zone", "onbekende tijdzone '" + raw.timeZone() + "' (bijvoorbeeld Europe/Amsterdam)"));
            }
        }
        Map<LimitsPolicy.Scope, LimitsPolicy.Values> defaults = new EnumMap<>(LimitsPolicy.Scope.class);
        raw.defaults().forEach((scope, entry) -> defaults.put(LimitsPolicy.Scope.fromYaml(scope), values(entry)));
        Map<LimitsPolicy.Scope, Map<String, LimitsPolicy.Values>> overrides = new EnumMap<>(LimitsPolicy.Scope.class);
        if (raw.overrides() != null) {
            raw.overrides().forEach((scope, named) -> {
                Map<String, LimitsPolicy.Values> values = new LinkedHashMap<>();
                named.forEach((subject, entry) -> values.put(subject, values(entry)));
                overrides.put(LimitsPolicy.Scope.fromYaml(scope), values);
            });
        }
        // a named tool or use-case that does not exist is almost always a typo that silently leaves it unlimited
        overrides.getOrDefault(LimitsPolicy.Scope.TOOL, Map.of()).keySet().stream().filter(id -> !tools.contains(id))
                .forEach(id -> problems.add(doc.problem("/overrides/tool/" + id, "tool '" + id + "' staat niet in tools.yaml")));
        overrides.getOrDefault(LimitsPolicy.Scope.USE_CASE, Map.of()).keySet().stream().filter(id -> !useCases.contains(id))
                .forEach(id -> problems.add(doc.problem("/overrides/use-case/" + id, "use-case '" + id + "' staat niet in use-cases/")));
        long completion = raw.estimate() == null || raw.estimate().completionTokens() == null
                ? LimitsPolicy.DEFAULT_COMPLETION_TOKENS : raw.estimate().completionTokens();
        long unauthenticated = raw.unauthenticated() == null
                ? LimitsPolicy.DEFAULT_UNAUTHENTICATED_PER_MINUTE : raw.unauthenticated().requestsPerMinute();
        return new LimitsPolicy(zone, completion, unauthenticated, defaults, overrides);
    }

    private static LimitsPolicy.Values values(PolicyFiles.LimitEntry entry) {
        return entry == null ? LimitsPolicy.Values.NONE
                : new LimitsPolicy.Values(amount(entry.requestsPerMinute()), amount(entry.tokensPerDay()), amount(entry.tokensPerMonth()));
    }

    /** A positive number, or the word {@code unlimited} (the schema allows nothing else). */
    private static Long amount(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Number n ? Long.valueOf(n.longValue()) : Long.valueOf(LimitsPolicy.Values.UNLIMITED);
    }
}
