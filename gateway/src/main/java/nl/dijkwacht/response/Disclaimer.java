package nl.dijkwacht.response;

import nl.dijkwacht.pipeline.Exchange;

/**
 * The note added under every AI-written answer so readers know it was generated, by which model, and how to
 * trace it. Template variables: {model}, {use_case}, {trace_id}.
 */
public final class Disclaimer {

    private final String fallbackTemplate;

    public Disclaimer(String fallbackTemplate) {
        this.fallbackTemplate = fallbackTemplate;
    }

    /** @return the text to append (with its leading separator), or an empty string when none applies */
    public String textFor(Exchange exchange) {
        String text = plainFor(exchange);
        return text.isEmpty() ? "" : "\n\n---\n" + text;
    }

    /**
     * @return the disclaimer itself, without separator, or an empty string when none applies. Made once per request and
     *         model (a request asks for it for the header, the answer and its extension field; a fallback changes the model)
     */
    public String plainFor(Exchange exchange) {
        String template = exchange.useCase() != null && exchange.useCase().disclaimer() != null
                ? exchange.useCase().disclaimer() : fallbackTemplate;
        if (template == null || template.isBlank()) {
            return "";
        }
        String kept = exchange.disclaimer(template, exchange.model(), exchange.useCase());
        if (kept != null) {
            return kept;
        }
        String text = template
                .replace("{model}", exchange.model() == null ? "?" : exchange.model().id())
                .replace("{use_case}", exchange.useCase() == null ? "?" : exchange.useCase().id())
                .replace("{trace_id}", exchange.traceId())
                .strip();
        exchange.disclaimer(template, exchange.model(), exchange.useCase(), text);
        return text;
    }
}
