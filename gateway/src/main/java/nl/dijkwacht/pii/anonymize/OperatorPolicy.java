package nl.dijkwacht.pii.anonymize;

import java.util.EnumMap;
import java.util.Map;
import nl.dijkwacht.pii.detect.EntityType;

/** Which operator applies to which entity type; types not named fall back to the default operator. */
public record OperatorPolicy(Map<EntityType, Operator> byType, Operator fallback) {

    public OperatorPolicy {
        byType = byType.isEmpty() ? Map.of() : new EnumMap<>(byType);
    }

    public static OperatorPolicy pseudonymiseAll() {
        return new OperatorPolicy(Map.of(), Operator.PSEUDONYMISE);
    }

    public Operator operatorFor(EntityType type) {
        return byType.getOrDefault(type, fallback);
    }
}
