package nl.dijkwacht.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.dijkwacht.openai.FieldKind;
import nl.dijkwacht.openai.GovernedFields;
import nl.dijkwacht.openai.TextSlot;
import nl.dijkwacht.pii.anonymize.AnonymizedText;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.anonymize.Operator;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pipeline.Decision;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.pipeline.StartsAhead;
import nl.dijkwacht.pii.DetectionAhead;
import nl.dijkwacht.pii.RepeatedTexts;

/**
 * Finds personal data in every text field of the request (messages, names, tool and schema descriptions, stop
 * sequences, predictions, metadata values, …: see {@link nl.dijkwacht.openai.RequestFields}) and applies the use-case's
 * operator per entity type (pseudonymise, redact, hash, block, allow). Placeholders go into the request's own vault.
 * Identifiers (function names, tool-call ids, schema property names) cannot be rewritten without breaking the request:
 * when one holds personal data the use-case does not allow, the request is refused; so is personal data inside a
 * base64, hex or percent-encoded run of a text ({@link EncodedPersonalData}).
 */
public final class RedactPersonalDataStep implements PolicyStep, StartsAhead {

    private final PiiEngine detector;
    private final RepeatedTexts repeated;
    private final Anonymizer anonymizer;
    private final SplitAcrossParts splitAcrossParts;
    private final EncodedPersonalData encoded;

    public RedactPersonalDataStep(PiiEngine detector, Anonymizer anonymizer) {
        this(detector, new RepeatedTexts(detector), anonymizer);
    }

    /** @param repeated the findings of texts a conversation repeats (its earlier messages), over the same engine */
    public RedactPersonalDataStep(PiiEngine detector, RepeatedTexts repeated, Anonymizer anonymizer) {
        this.detector = detector;
        this.repeated = repeated;
        this.anonymizer = anonymizer;
        this.splitAcrossParts = new SplitAcrossParts(detector, anonymizer);
        this.encoded = new EncodedPersonalData(detector);
    }

    @Override
    public String id() {
        return "pii";
    }

    /**
     * The texts' detection (not the names': they are read twice, see {@link #detectInName}) on an idle core; the resent
     * ones through {@link RepeatedTexts}, as {@link #apply} reads them without detection ahead.
     */
    @Override
    public void startAhead(Exchange exchange, java.util.concurrent.Executor helper) {
        int lastMessage = exchange.request().body().path("messages").size() - 1;
        List<DetectionAhead.Text> texts = new ArrayList<>();
        for (TextSlot slot : exchange.request().fields().texts()) {
            if (slot.kind() != FieldKind.PARTICIPANT) {
                texts.add(new DetectionAhead.Text(slot.get(), resent(slot.path(), lastMessage)));
            }
        }
        exchange.detectionAhead(DetectionAhead.start(detector, repeated, texts, helper));
    }

    @Override
    public Outcome apply(Exchange exchange) {
        GovernedFields fields = exchange.request().fields();
        Outcome identifiers = checkIdentifiers(exchange, fields.identifiers());
        if (identifiers != null) {
            return identifiers;
        }
        // encoded28: personal data in a base64/hex/percent-encoded run cannot be replaced in place: refused
        EncodedPersonalData.Found inRuns = encoded.find(fields.texts(), exchange.useCase().pii());
        if (inRuns.any()) {
            exchange.countEntities(inRuns.types().stream().collect(Collectors.toMap(t -> t, t -> 1)));
            return EncodedPersonalData.refusal(inRuns);
        }
        boolean changed = false;
        Set<EntityType> blocked = new java.util.TreeSet<>();
        int lastMessage = exchange.request().body().path("messages").size() - 1;
        for (TextSlot slot : fields.texts()) {
            String text = slot.get();
            List<Finding> findings = slot.kind() == FieldKind.PARTICIPANT ? detectInName(text)
                    : resent(slot.path(), lastMessage) && exchange.detectionAhead() == null
                    ? repeated.detect(text) : detect(exchange, text);
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
        SplitAcrossParts.Result split = splitAcrossParts.apply(fields.texts(), exchange.useCase().pii(), exchange.vault());
        exchange.countEntities(split.counts());
        blocked.addAll(split.blocked());
        changed |= split.changed();
        if (!blocked.isEmpty()) {
            String types = blocked.stream().map(EntityType::label).collect(Collectors.joining(", "));
            return Outcome.deny(Refusal.forbidden("personal_data_blocked",
                    "Uw verzoek bevat persoonsgegevens die voor deze toepassing niet naar een taalmodel mogen ("
                            + types + "). Haal deze gegevens weg en probeer het opnieuw.", "messages"),
                    "pii:block:" + blocked.stream().map(Enum::name).collect(Collectors.joining("+")));
        }
        return changed ? Outcome.rewrite(Decision.REDACTED, "pii:redacted") : Outcome.CONTINUE;
    }

    /** Sent again on every request (earlier turns, tool definitions): its findings are kept by {@link RepeatedTexts}. */
    private static boolean resent(String path, int lastMessage) {
        return EarlierMessages.contains(path, lastMessage) || ResentDefinitions.contains(path);
    }

    private List<Finding> detect(Exchange exchange, String text) {
        DetectionAhead ahead = exchange.detectionAhead();
        return ahead != null ? ahead.findings(text) : detector.detect(text);
    }

    /**
     * Each identifier on its own (so one's words are not read as another's context; equal values once); a finding
     * whose operator is not {@code allow} refuses the request, naming the field and the type, never the value.
     */
    private Outcome checkIdentifiers(Exchange exchange, List<GovernedFields.Identifier> identifiers) {
        Set<String> seen = new java.util.HashSet<>();
        for (GovernedFields.Identifier id : identifiers) {
            if (!seen.add(id.value())) {
                continue;
            }
            for (Finding f : detectInName(id.value(), ResentDefinitions.contains(id.path()) ? repeated::detect : detector::detect)) {
                if (exchange.useCase().pii().operatorFor(f.type()) == Operator.ALLOW) {
                    continue;
                }
                exchange.countEntities(java.util.Map.of(f.type(), 1));
                return Outcome.deny(Refusal.badRequest("personal_data_in_identifier",
                        "Het veld '" + id.path() + "' bevat persoonsgegevens (" + f.type().label() + "). Dit is een naam of id die "
                                + "Dijkwacht niet kan vervangen zonder het verzoek te breken. Kies een naam zonder persoonsgegevens.",
                        id.path()), "pii:identifier:" + f.type().name());
            }
        }
        return null;
    }

    /**
     * Names and ids are often written {@code jan_jansen} or {@code klant-111222333}: the engine reads them as they are
     * and with {@code _} and {@code -} as spaces (same length, so offsets fit both), and both results count.
     */
    List<Finding> detectInName(String name) {
        return detectInName(name, detector::detect);
    }

    private static List<Finding> detectInName(String name, java.util.function.Function<String, List<Finding>> engine) {
        List<Finding> asIs = engine.apply(name);
        String words = name.replace('_', ' ').replace('-', ' ');
        if (words.equals(name)) {
            return asIs;
        }
        List<Finding> merged = new ArrayList<>(asIs);
        // both lists come sorted and apart: one walk along asIs finds what overlaps (slow27: all pairs compared)
        int a = 0;
        for (Finding f : engine.apply(words)) {
            while (a < asIs.size() && asIs.get(a).end() <= f.start()) {
                a++;
            }
            if (a >= asIs.size() || !asIs.get(a).overlaps(f)) {
                merged.add(f);
            }
        }
        merged.sort(java.util.Comparator.comparingInt(Finding::start));
        return merged;
    }
}
