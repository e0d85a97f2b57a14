package nl.dijkwacht.pii.anonymize;

import java.util.Map;
import java.util.Set;
import nl.dijkwacht.pii.detect.EntityType;

/**
 * The outcome of anonymising one text: the rewritten text, how many findings of each type were seen,
 * and which types policy says must block the request.
 */
public record AnonymizedText(String text, Map<EntityType, Integer> counts, Set<EntityType> blockedTypes) {

    public boolean changed(String original) {
        return !text.equals(original);
    }

    public boolean blocked() {
        return !blockedTypes.isEmpty();
    }

    /** A Dutch refusal naming the blocked entity types (labels only, never values). */
    public String refusalMessage() {
        String types = blockedTypes.stream().map(EntityType::label).sorted().collect(java.util.stream.Collectors.joining(", "));
        return "Dit verzoek is geweigerd: het bevat persoonsgegevens van het type " + types
                + " die volgens het beleid niet naar dit model mogen.";
    }
}
