package nl.dijkwacht.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.openai.ParamPath;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.response.ChunkOutput;

/**
 * One OpenAI operation served by the shared call path (pipeline, router, answer rewriting, audit): how its request
 * becomes the chat-completions request the pipeline governs, and how the (rewritten) chat answer goes back in the
 * operation's own format, whole or streamed. Chat completions and embeddings are the identity; the Responses API and
 * legacy completions translate.
 */
interface Surface {

    Endpoint endpoint();

    /**
     * Reads the body as sent.
     *
     * @throws nl.dijkwacht.pipeline.RefusedRequest when the body cannot be served (answered in the OpenAI error format, and audited)
     */
    Call open(Exchange exchange, byte[] body);

    /** One request on this surface. */
    interface Call {

        /**
         * The chat-completions (or embeddings) body the pipeline reads. Asked once, by the handler, which keeps it on the
         * exchange; a call need not keep it afterwards (the chat surface does not).
         */
        byte[] chatBody();

        /** The whole answer in this surface's format, from the rewritten {@code chat.completion}. */
        ObjectNode reply(Exchange exchange, ObjectNode completion);

        /** Where the rewritten chat chunks go: written to the tool in this surface's stream format. */
        Stream stream(Exchange exchange, SseWriter sse);

        /**
         * A parameter of the chat request (one a model's error named) by its name in the request the tool sent, or
         * {@code null} when the tool sent no such field.
         */
        default String param(ParamPath chatParam) {
            return chatParam == null ? null : chatParam.toString();
        }

        /**
         * A parameter the gateway's own refusal named in the chat request ({@code messages}, {@code store},
         * {@code messages[0].content[1].image_url.url}) by its name in the request the tool sent, or {@code null} when
         * the tool sent no such field (edges50: a Responses request was told {@code messages}). The chat surface keeps it.
         */
        default String refusedParam(String chatParam) {
            return chatParam;
        }
    }

    /** A surface's stream to the tool: rewritten chat chunks in, its own events out; an error after the start. */
    interface Stream extends ChunkOutput {
        void error(Refusal refusal, ObjectNode errorBody);
    }
}
