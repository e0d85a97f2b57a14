package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.pipeline.Exchange;

/**
 * A choice's {@code logprobs}: the answer's text a second time, token by token as the model wrote it, with the likeliest
 * alternatives. A tool gets them only when it asked ({@code "logprobs": true}); a model that sends them unasked (some
 * OpenAI-compatible servers do) has them dropped — set to {@code null}, as OpenAI writes an unasked choice — whole and
 * in every streamed chunk. Under {@code pii.output: redact} asking is refused ({@code output_not_redactable},
 * redteam45), so there every {@code logprobs} is unasked and dropped: the tokens never carry what the text had redacted.
 */
final class AnswerTokens {

    private AnswerTokens() {
    }

    /** Drops {@code choice.logprobs} (a whole answer's choice or a stream chunk's) unless the tool asked and may have them. */
    static void dropUnasked(ObjectNode choice, Exchange exchange, OutputScan.Bound scan) {
        if (choice.hasNonNull("logprobs") && (!asked(exchange) || scan != null && scan.redacts())) {
            choice.putNull("logprobs");
        }
    }

    private static boolean asked(Exchange exchange) {
        return exchange.request().body().path("logprobs").asBoolean(false);
    }
}
