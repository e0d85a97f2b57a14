package nl.dijkwacht.api;

import nl.dijkwacht.invoke.UpstreamException;
import nl.dijkwacht.pipeline.Refusal;

/** Turns an upstream failure into the error the tool sees. Nothing of the prompt or answer is included. */
final class UpstreamFailures {

    private UpstreamFailures() {
    }

    /** @param param the parameter the model's error names, by the tool's own name for it; {@code null} when none */
    static Refusal toRefusal(UpstreamException e, String modelId, String param) {
        String model = "'" + modelId + "'";
        return switch (e.kind()) {
            case TIMEOUT -> Refusal.gatewayTimeout("upstream_timeout",
                    "Het taalmodel " + model + " antwoordde niet op tijd. Probeer het later opnieuw.");
            case UNREACHABLE -> Refusal.badGateway("upstream_unreachable",
                    "Het taalmodel " + model + " is nu niet bereikbaar. Probeer het later opnieuw of kies een ander goedgekeurd model.");
            case MALFORMED -> Refusal.badGateway("upstream_malformed_response",
                    "Het taalmodel " + model + " gaf een onleesbaar antwoord. Probeer het opnieuw.");
            case STREAM_CUT -> Refusal.badGateway("upstream_stream_interrupted",
                    "Het antwoord van taalmodel " + model + " werd halverwege afgebroken. Het antwoord is onvolledig; probeer het opnieuw.");
            case UNSUPPORTED -> Refusal.badRequest("unsupported_parameter",
                    "Dit verzoek kan niet naar taalmodel " + model + ": " + e.upstreamMessage() + ".", null);
            case UNAVAILABLE -> {
                Refusal refusal = Refusal.unavailable("upstream_unavailable",
                        "Het taalmodel " + model + " is tijdelijk niet beschikbaar (storing of overbelasting). Probeer het later opnieuw.");
                yield e.retryAfter() == null ? refusal : refusal.withRetryAfter(Math.max(1, e.retryAfter().toSeconds()));
            }
            case ERROR_STATUS -> fromStatus(e, model, param);
        };
    }

    private static Refusal fromStatus(UpstreamException e, String model, String param) {
        int status = e.status() == null ? 502 : e.status();
        if (status == 429) {
            return Refusal.rateLimited("upstream_rate_limited",
                    "Het taalmodel " + model + " is op dit moment overbelast. Probeer het over een minuut opnieuw.");
        }
        if (status == 401 || status == 403) {
            return Refusal.badGateway("upstream_auth_failed",
                    "Dijkwacht kon zich niet aanmelden bij taalmodel " + model + ". Meld dit bij de functioneel beheerder.");
        }
        if (status >= 400 && status < 500) {
            // the Dutch text says what it means and what to do; the model's own words (often English, often exactly
            // what the developer needs: which parameter, which limit) follow, marked as a quote, because the Java and
            // Node SDKs show only the message; and they are in their own field for code that reads the error
            String message = rejected(model, status) + (e.upstreamMessage() == null ? ""
                    : " Oorspronkelijke melding van het model (onvertaald, ook in het veld 'upstream_message'): \""
                            + e.upstreamMessage() + "\"");
            return Refusal.badRequest("upstream_rejected_request", message, param).withUpstreamMessage(e.upstreamMessage());
        }
        return Refusal.badGateway("upstream_error",
                "Het taalmodel " + model + " gaf een fout (status " + status + "). Probeer het later opnieuw.");
    }

    /** What a 4xx of the model means for the tool, in Dutch. */
    private static String rejected(String model, int status) {
        return switch (status) {
            case 400, 422 -> "Het taalmodel " + model + " wees het verzoek af als ongeldig (status " + status
                    + "). Meestal gaat het om een parameter of waarde die dit model niet ondersteunt. Pas het verzoek aan"
                    + " of kies een ander goedgekeurd model.";
            case 404 -> "Het taalmodel " + model + " kent het gevraagde model of adres niet (status 404). Dit ligt aan de"
                    + " instellingen van Dijkwacht; meld het bij de functioneel beheerder.";
            case 413 -> "Het verzoek is te groot voor taalmodel " + model + " (status 413). Verkort de tekst of verdeel het"
                    + " werk over meerdere verzoeken.";
            default -> "Het taalmodel " + model + " weigerde het verzoek (status " + status + ").";
        };
    }
}
