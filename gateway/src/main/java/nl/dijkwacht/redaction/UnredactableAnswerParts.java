package nl.dijkwacht.redaction;

import com.fasterxml.jackson.databind.JsonNode;
import nl.dijkwacht.openai.responses.ResponsesRequest;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Refusal;

/**
 * What a tool can ask of an answer that the output scan cannot redact (redteam45): the tokens of the answer with their
 * log probabilities ({@code logprobs}, {@code top_logprobs}: the answer's text once more, token by token, as the model
 * wrote it — and the likeliest alternatives) and a spoken answer ({@code modalities} with {@code audio}: speech and
 * its transcript). Under {@code pii.output: redact} they would carry to the tool, beside the redacted text, exactly what
 * the scan took out of it; such a request is refused, naming the field, rather than answered without what it asked for.
 * Under {@code flag} (count only) they pass. On the Responses API the tool asked for the tokens with {@code include}, and
 * the refusal names that field and value, not the chat request's {@code logprobs} it was translated into (answer49).
 */
final class UnredactableAnswerParts {

    private UnredactableAnswerParts() {
    }

    /** The field of a chat request that asks for such a part, or null. */
    static String requested(JsonNode body) {
        if (body.path("logprobs").asBoolean(false)) {
            return "logprobs";
        }
        if (body.path("top_logprobs").asInt(0) > 0) {
            return "top_logprobs";
        }
        for (JsonNode modality : body.path("modalities")) {
            if (modality.asText().equals("audio")) {
                return "modalities";
            }
        }
        return null;
    }

    /** @param field the chat request's field ({@link #requested}); named as the tool sent it on {@code endpoint} */
    static Refusal refusal(String field, Endpoint endpoint) {
        if (endpoint == Endpoint.RESPONSES && field.equals("logprobs")) {
            return refused("'include' met \"" + ResponsesRequest.LOGPROBS + "\" geeft de woorden van het antwoord nog eens"
                    + " terug zoals het model ze schreef, buiten de controle om. Haal \"" + ResponsesRequest.LOGPROBS
                    + "\" uit 'include' en laat 'top_logprobs' weg.", "include");
        }
        String what = field.equals("modalities")
                ? "Een gesproken antwoord ('modalities' met \"audio\") kan Dijkwacht niet op persoonsgegevens nakijken. Vraag"
                        + " alleen om tekst (laat 'modalities' en 'audio' weg)."
                : "'" + field + "' geeft de woorden van het antwoord nog eens terug zoals het model ze schreef, buiten de"
                        + " controle om. Laat 'logprobs' en 'top_logprobs' weg.";
        return refused(what, field);
    }

    private static Refusal refused(String what, String param) {
        return Refusal.badRequest("output_not_redactable", "Voor deze toepassing worden persoonsgegevens in antwoorden"
                + " vervangen (pii.output: redact). " + what, param);
    }
}
