package nl.dijkwacht.redaction;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import nl.dijkwacht.openai.Attachment;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.policy.RequestFieldRules;

/**
 * Images, audio and files (inline base64, URLs, provider file ids) cannot be checked for personal data, so the
 * use-case decides ({@code attachments}): refused (default), allowed only to a model on the premises, or allowed. An
 * allowed attachment makes the request count as holding personal data, so routing sends it only to a model that may
 * receive that. The attachment itself is never stored or logged: only its kind is counted.
 */
public final class AttachmentsStep implements PolicyStep {

    @Override
    public String id() {
        return "attachments";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        var attachments = exchange.request().fields().attachments();
        if (attachments.isEmpty()) {
            return Outcome.CONTINUE;
        }
        RequestFieldRules.Attachments rule = exchange.useCase().fieldRules().attachments();
        Set<Attachment.Kind> kinds = EnumSet.noneOf(Attachment.Kind.class);
        attachments.forEach(a -> kinds.add(a.kind()));
        String names = kinds.stream().map(Attachment.Kind::dutch).collect(Collectors.joining(", "));
        // counted for the audit record whether they are refused or allowed (counts only, never the attachment)
        attachments.forEach(a -> exchange.countAttachment(a.kind()));
        if (rule == RequestFieldRules.Attachments.REFUSE) {
            return Outcome.deny(Refusal.forbidden("attachments_not_allowed",
                    "Voor deze toepassing mogen geen bijlagen (" + names + ") naar een taalmodel: Dijkwacht kan er niet in "
                            + "controleren of er persoonsgegevens in staan. Stuur alleen tekst, of vraag de functioneel beheerder "
                            + "om een toepassing die bijlagen toestaat.", attachments.getFirst().path()),
                    "attachments:refused:" + kinds.stream().map(k -> k.name().toLowerCase(java.util.Locale.ROOT))
                            .collect(Collectors.joining("+")));
        }
        if (rule == RequestFieldRules.Attachments.ON_PREMISES_ONLY) {
            exchange.requireOnPremises();
        }
        return Outcome.CONTINUE;
    }
}
