package nl.dijkwacht.api.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The warm-up's made-up chat requests: a system prompt and one of a few Dutch user prompts with names, addresses,
 * identifiers and long running text (no real person), so that the PII engine and the name model do their full work;
 * every other request streams.
 */
final class WarmUpRequests {

    /** Made-up Dutch requests (no real person): names, addresses, identifiers, long running text. */
    static final List<String> PROMPTS = List.of(
            "Goedemiddag, mijn naam is Petra de Vries en ik woon aan de Lindelaan 4 in Zwolle. Sinds de verhuizing "
                    + "ontvang ik twee aanslagen. Kunt u mij mailen op petra.devries@voorbeeld.nl of bellen op 06-98765432? "
                    + "Mijn rekeningnummer is NL02ABNA0123456789. Vat mijn vraag samen in twee zinnen.",
            "Schrijf een korte brief aan de heer J.H. Bakker, Kerkstraat 21, 3811 CV Amersfoort, over zijn aanvraag "
                    + "voor een parkeervergunning van 3 maart. Zijn BSN is 111222333 en zijn klantnummer is 48213. "
                    + "De vergunning gaat in op 1 april; vermeld dat hij bezwaar kan maken binnen zes weken.",
            "Vat de notulen samen: Aanwezig waren Sanne Jansen (voorzitter), Mohammed el Amrani en Kees van Dijk. "
                    + "Besproken: de planning van de nieuwe website, de aanbesteding van het groenonderhoud en de "
                    + "voortgang van het project Wijkgericht Werken. Actiepunt voor Kees: offerte opvragen voor 15 mei.",
            "Hoe formuleer ik een vriendelijke herinnering aan een leverancier die de factuur van februari nog niet "
                    + "heeft gecorrigeerd? Houd het kort en zakelijk, zonder namen van collega's te noemen.");

    private static final String SYSTEM = "Je bent een behulpzame assistent van de gemeente. Antwoord in het Nederlands.";

    private final ObjectMapper json;

    WarmUpRequests(ObjectMapper json) {
        this.json = json;
    }

    /** Whether the {@code i}-th request asks for a streamed answer. */
    static boolean streams(int i) {
        return i % 2 == 1;
    }

    /** The body of the {@code i}-th request, for the dry-run model when the target allows it ("auto" otherwise). */
    ObjectNode body(WarmUpTarget target, int i) {
        ObjectNode body = json.createObjectNode();
        body.put("model", target.dryRun() ? WarmUpTarget.DRY_RUN : "auto");
        if (streams(i)) {
            body.put("stream", true);
        }
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM);
        messages.addObject().put("role", "user").put("content", PROMPTS.get(i % PROMPTS.size()));
        return body;
    }

    /** Another OpenAI operation than chat completions: its path, whether it streams, and the request field of its text. */
    record Operation(String path, boolean stream, String textField) {
    }

    /** The operations {@link HttpWarmUp#otherOperations} sends once each. */
    static final List<Operation> OTHER_OPERATIONS = List.of(
            new Operation("/v1/responses", false, "input"),
            new Operation("/v1/responses", true, "input"),
            new Operation("/v1/completions", false, "prompt"),
            new Operation("/v1/embeddings", false, "input"));

    /** The body of one request of another operation, with the first prompt, for the target's model. */
    byte[] bytes(WarmUpTarget target, Operation operation) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectNode body = json.createObjectNode();
        body.put("model", target.dryRun() ? WarmUpTarget.DRY_RUN : "auto");
        if (operation.stream()) {
            body.put("stream", true);
        }
        body.put(operation.textField(), PROMPTS.getFirst());
        return json.writeValueAsBytes(body);
    }

    /** The {@code i}-th request's body as sent. */
    byte[] bytes(WarmUpTarget target, int i) throws com.fasterxml.jackson.core.JsonProcessingException {
        return json.writeValueAsBytes(body(target, i));
    }
}
