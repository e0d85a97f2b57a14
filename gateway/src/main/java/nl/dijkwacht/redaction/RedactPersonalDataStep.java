package nl.dijkwacht.redaction;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.dijkwacht.openai.TextSlot;
import nl.dijkwacht.pii.anonymize.AnonymizedText;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pipeline.Decision;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;

/**
 * Finds personal data in every text of the request and applies the use-case's operator per entity type
 * (pseudonymise, redact, hash, block, allow). Placeholders go into the request's own vault.
 */
public final class RedactPersonalDataStep implements PolicyStep {

    private final PiiEngine detector;
    private final Anonymizer anonymizer;

    public RedactPersonalDataStep(PiiEngine detector, Anonymizer anonymizer) {
        this.detector = detector;
        this.anonymizer = anonymizer;
    }

    @Override
    public String id() {
        return "pii";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        boolean changed = false;
        Set<EntityType> blocked = new java.util.TreeSet<>();
        for (TextSlot slot : exchange.request().textSlots()) {
            String text = slot.get();
            List<Finding> findings = detector.detect(text);
            if (findings.isEmpty()) {
                continue;
            }
            AnonymizedText result = anonymizer.apply(text, findings, exchange.useCase().pii(), exchange.vault());
            exchange.countEntities(result.counts());
            blocked.addAll(result.blockedTypes());
            if (result.changed(text)) {
                slot.set(result.text());
                changed = true;
            }
        }
        if (!blocked.isEmpty()) {
            String types = blocked.stream().map(EntityType::label).collect(Collectors.joining(", "));
            return Outcome.deny(Refusal.forbidden("personal_data_blocked",
                    "Uw verzoek bevat persoonsgegevens die voor deze toepassing niet naar een taalmodel mogen ("
                            + types + "). Haal deze gegevens weg en probeer het opnieuw.", "messages"),
                    "pii:block:" + blocked.stream().map(Enum::name).collect(Collectors.joining("+")));
        }
        return changed ? Outcome.rewrite(Decision.REDACTED, "pii:redacted") : Outcome.CONTINUE;
    }
}
