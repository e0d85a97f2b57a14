package nl.dijkwacht.pii.anonymize;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.normalize.TextNormalizer;

/**
 * The mapping between values and placeholders of one request (or one conversation). Create one per request;
 * never keep one in a singleton, or placeholders get restored into someone else's answer.
 */
public final class PlaceholderVault {

    private final Map<String, String> placeholderByKey = new HashMap<>();
    private final Map<String, String> valueByPlaceholder = new HashMap<>();
    private final Map<EntityType, Integer> counters = new EnumMap<>(EntityType.class);
    private final Set<String> normalisedValues = new HashSet<>();

    /** The same value of the same type always gets the same placeholder within this vault. */
    public String placeholderFor(EntityType type, String value) {
        String key = type.name() + '\u0000' + value;
        String existing = placeholderByKey.get(key);
        if (existing != null) {
            return existing;
        }
        int n = counters.merge(type, 1, Integer::sum);
        String placeholder = "[" + type.label() + "_" + n + "]";
        placeholderByKey.put(key, placeholder);
        valueByPlaceholder.put(placeholder, value);
        normalisedValues.add(normalise(value));
        return placeholder;
    }

    /** Whether this value (in normal form, ignoring case and spacing) was pseudonymised in this request. */
    public boolean containsValue(String value) {
        return normalisedValues.contains(normalise(value));
    }

    private static final TextNormalizer NORMAL_FORM = new TextNormalizer();

    /** The engine's normal form without spacing, dots, dashes and case: "１１１-222 333" and "111222333" are one value. */
    private static String normalise(String value) {
        String normal = NORMAL_FORM.normalize(value).text();
        StringBuilder b = new StringBuilder(normal.length());
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (!Character.isWhitespace(c) && c != '.' && c != '-') {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "PlaceholderVault[" + valueByPlaceholder.size() + " entries]"; // never the values
    }

    public Optional<String> valueOf(String placeholder) {
        return Optional.ofNullable(valueByPlaceholder.get(placeholder));
    }

    public boolean isEmpty() {
        return valueByPlaceholder.isEmpty();
    }

    public int size() {
        return valueByPlaceholder.size();
    }
}
