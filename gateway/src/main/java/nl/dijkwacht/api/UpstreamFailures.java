package nl.dijkwacht.api;

import nl.dijkwacht.invoke.UpstreamException;
import nl.dijkwacht.pipeline.Refusal;

/** Turns an upstream failure into the error the tool sees. Nothing of the prompt or answer is included. */
final class UpstreamFailures {

    private UpstreamFailures() {
    }

    static Refusal toRefusal(UpstreamException e, String modelId) {
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
            case ERROR_STATUS -> fromStatus(e, model);
        };
    }

    private static Refusal fromStatus(UpstreamException e, String model) {
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
            String detail = e.upstreamMessage() == null ? "" : " Melding van het model: " + e.upstreamMessage();
            return Refusal.badRequest("upstream_rejected_request",
                    "Het taalmodel " + model + " weigerde het verzoek (status " + status + ")." + detail, null);
        }
        return Refusal.badGateway("upstream_error",
                "Het taalmodel " + model + " gaf een fout (status " + status + "). Probeer het later opnieuw.");
    }
}
