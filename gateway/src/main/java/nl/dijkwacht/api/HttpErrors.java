package nl.dijkwacht.api;

import nl.dijkwacht.pipeline.Refusal;

/**
 * The OpenAI-format refusal for an HTTP error that happened outside the pipeline (no route, wrong method, a request
 * the servlet container rejected). Dutch, with a stable code, and never with anything from the request: not its path,
 * not its headers.
 */
final class HttpErrors {

    private HttpErrors() {
    }

    static Refusal forStatus(int status) {
        return switch (status) {
            case 400 -> Refusal.badRequest("bad_request",
                    "Het verzoek is ongeldig en kon niet worden verwerkt (bijvoorbeeld een onjuist adres of een ongeldige header).", null);
            case 401 -> Refusal.unauthorized("unauthorized", "Voor dit adres is een geldige sleutel nodig (header 'Authorization: Bearer …').");
            case 403 -> Refusal.forbidden("forbidden", "U heeft geen toegang tot dit adres.", null);
            case 404 -> Refusal.notFound("not_found",
                    "Dit adres bestaat niet in Dijkwacht. Gebruik de OpenAI-adressen onder /v1 (bijvoorbeeld POST /v1/chat/completions).", null);
            case 405 -> new Refusal(405, Refusal.INVALID_REQUEST, "method_not_allowed",
                    "Deze methode is voor dit adres niet toegestaan. De header 'Allow' noemt de methoden die wel kunnen.", null);
            case 406 -> new Refusal(406, Refusal.INVALID_REQUEST, "not_acceptable", "Dijkwacht antwoordt met JSON (of een SSE-stroom).", null);
            case 408 -> new Refusal(408, Refusal.INVALID_REQUEST, "request_timeout", "Het verzoek kwam niet op tijd binnen. Probeer het opnieuw.", null);
            case 411 -> new Refusal(411, Refusal.INVALID_REQUEST, "length_required", "Het verzoek moet zijn lengte opgeven (Content-Length).", null);
            case 413 -> Refusal.tooLarge("Het verzoek is te groot. Verkort de tekst of verdeel het werk over meerdere verzoeken.");
            case 414 -> new Refusal(414, Refusal.INVALID_REQUEST, "uri_too_long",
                    "Het adres van het verzoek is te lang. Stuur gegevens in de inhoud van het verzoek, niet in het adres.", null);
            case 415 -> new Refusal(415, Refusal.INVALID_REQUEST, "unsupported_media_type",
                    "Stuur de aanvraag als JSON, met de header 'Content-Type: application/json'.", null);
            case 431 -> new Refusal(431, Refusal.INVALID_REQUEST, "headers_too_large",
                    "De headers van het verzoek zijn samen te groot (meer dan Dijkwacht aanneemt, standaard 32 KB). Een toegangstoken "
                            + "met heel veel groepen of rollen kan dat veroorzaken: vraag de functioneel beheerder het token kleiner te maken.", null);
            case 501 -> new Refusal(501, Refusal.INVALID_REQUEST, "not_implemented", "Deze methode ondersteunt Dijkwacht niet.", null);
            case 503 -> Refusal.unavailable("unavailable", "Dijkwacht is tijdelijk niet beschikbaar. Probeer het later opnieuw.");
            case 505 -> new Refusal(505, Refusal.INVALID_REQUEST, "http_version_not_supported", "Deze HTTP-versie ondersteunt Dijkwacht niet.", null);
            default -> status >= 500
                    ? new Refusal(status, Refusal.SERVER, "internal_error", "Er ging iets mis in Dijkwacht. Probeer het later opnieuw.", null)
                    : new Refusal(status, Refusal.INVALID_REQUEST, "invalid_request", "Het verzoek kon niet worden verwerkt.", null);
        };
    }
}
