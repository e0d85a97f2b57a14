package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.Set;

/**
 * pii48b: a street alone under an address key of a JSON object that also names a thing — a monument, a building, a
 * site, a firm — is that thing's address, not a person's: {@code "Monument": "Molen De Hoop", "Adres": "Molenstraat"}
 * inside an application by a resident (held-out-13). A street with a house number, or beside a house-number key, is
 * still an address ({@link FieldRecognizer}).
 */
final class ThingRecordFields {

    /** Keys (normalised by {@link FieldKeys}) that name the thing an object is about. */
    private static final Set<String> THING_KEYS = Set.of("monument", "rijksmonument", "gemeentelijk monument", "pand",
            "gebouw", "object", "objectnaam", "locatie", "locatienaam", "perceel", "bedrijf", "bedrijfsnaam",
            "organisatie", "vestiging", "accommodatie", "school", "kerk", "molen", "sportpark", "evenement",
            "project", "projectnaam", "building", "site", "venue", "company", "organisation", "organization");

    private ThingRecordFields() {
    }

    /** Whether the JSON object of {@code fields[index]} has a sibling key that names a thing. */
    static boolean thingNamed(List<TextStructure.Field> fields, int index) {
        TextStructure.Field f = fields.get(index);
        if (f.kind() != TextStructure.Kind.JSON || !f.path().endsWith(f.key())) {
            return false;
        }
        String parent = f.path().substring(0, f.path().length() - f.key().length());
        for (int k = Math.max(0, index - 6); k < Math.min(fields.size(), index + 7); k++) {
            TextStructure.Field g = fields.get(k);
            if (k != index && g.kind() == TextStructure.Kind.JSON && g.path().length() > parent.length()
                    && g.path().startsWith(parent) && g.path().indexOf(' ', parent.length()) < 0
                    && THING_KEYS.contains(g.key())) {
                return true;
            }
        }
        return false;
    }
}
