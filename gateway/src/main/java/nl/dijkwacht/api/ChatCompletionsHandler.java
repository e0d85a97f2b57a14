package nl.dijkwacht.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import nl.dijkwacht.api.filter.AuthenticatedRequest;
import nl.dijkwacht.audit.AuditCapture;
import nl.dijkwacht.audit.AuditTrail;
import nl.dijkwacht.audit.AuditUnavailableException;
import nl.dijkwacht.audit.RequestsInFlight;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.invoke.AnswerTooLargeException;
import nl.dijkwacht.invoke.ChunkSink;
import nl.dijkwacht.invoke.ClientGoneException;
import nl.dijkwacht.invoke.ModelInvoker;
import nl.dijkwacht.invoke.RawChunk;
import nl.dijkwacht.invoke.UpstreamException;
import nl.dijkwacht.limits.StreamedOutput;
import nl.dijkwacht.limits.CallerLimits;
import nl.dijkwacht.openai.WireFormat;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.pipeline.RequestPipeline;
import nl.dijkwacht.pipeline.UpstreamCall;
import nl.dijkwacht.response.ChunkOutput;
import nl.dijkwacht.response.ReplyRewriter;
import nl.dijkwacht.routing.ModelRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code POST /v1/chat/completions}, {@code /v1/embeddings}, {@code /v1/responses} and {@code /v1/completions}: open
 * the exchange, translate the request into the chat request it means ({@link Surface}), run the policy pipeline, call
 * the model through the router, rewrite the answer (whole or streamed) and deliver it in the surface's format, and
 * write the audit record, whatever happened.
 */
public final class ChatCompletionsHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatCompletionsHandler.class);
    static final String POLICY_VERSION_HEADER = "X-Dijkwacht-Policy-Version";
    static final String MODEL_HEADER = "X-Dijkwacht-Model";
    static final String WARNING_HEADER = "X-Dijkwacht-Warning";
    /** The disclaimer, also for answers that carry it only in the extension field (JSON, tool calls); RFC 3986 percent-encoded UTF-8. */
    static final String DISCLAIMER_HEADER = "X-Dijkwacht-Disclaimer";

    private final RequestEntry entry;
    private final RequestPipeline pipeline;
    private final ModelRouter router;
    private final ReplyRewriter replies;
    private final AuditTrail audit;
    private final OpenAiErrorWriter errors;
    private final ObjectMapper json;
    private final CallerLimits limits;
    private final WireFormat wire;
    private final RequestsInFlight inFlight;

    ChatCompletionsHandler(RequestEntry entry, RequestPipeline pipeline, ModelRouter router, ReplyRewriter replies,
                           AuditTrail audit, OpenAiErrorWriter errors, ObjectMapper json, CallerLimits limits, WireFormat wire,
                           RequestsInFlight inFlight) {
        this.inFlight = inFlight;
        this.limits = limits;
        this.wire = wire;
        this.entry = entry;
        this.pipeline = pipeline;
        this.router = router;
        this.replies = replies;
        this.audit = audit;
        this.errors = errors;
        this.json = json;
    }

    public ServerResponse chat(ServerRequest request) {
        return serve(new ChatSurface(Endpoint.CHAT_COMPLETIONS));
    }

    public ServerResponse embeddings(ServerRequest request) {
        return serve(new ChatSurface(Endpoint.EMBEDDINGS));
    }

    public ServerResponse responses(ServerRequest request) {
        return serve(new ResponsesSurface(json, wire));
    }

    public ServerResponse completions(ServerRequest request) {
        return serve(new CompletionsSurface(json, wire));
    }

    private ServerResponse serve(Surface surface) {
        return ServerResponse.ok().build((req, res) -> {
            Caller caller = AuthenticatedRequest.knownCaller(req);
            String tenant = caller == null ? null : caller.tenant(); // the chain its record goes to
            inFlight.enter(tenant);
            try {
                serve(surface, req, res);
            } finally {
                inFlight.exit(tenant);
            }
            return null;
        });
    }

    private void serve(Surface surface, HttpServletRequest req, HttpServletResponse res) {
        Exchange exchange = entry.open(surface.endpoint(), req);
        AuditCapture capture = audit.capture(exchange, req::getHeader);
        res.setHeader(CallerHeaders.TRACE_ID, exchange.traceId());
        res.setHeader(POLICY_VERSION_HEADER, exchange.policy().version());
        SseWriter sse = new SseWriter(res, json);
        Surface.Stream[] out = {null};
        ChunkSink[] upstream = {null};
        Surface.Call call = null;
        try {
            Refusal refusal = null;
            try {
                call = surface.open(exchange, exchange.rawBody());
                exchange.rawBody(call.chatBody());
            } catch (nl.dijkwacht.pipeline.RefusedRequest e) {
                refusal = e.refusal();
                exchange.refuse(refusal, "request:" + refusal.code());
            }
            if (refusal == null) {
                refusal = pipeline.run(exchange);
                if (refusal != null && refusal.param() != null) {
                    refusal = refusal.withParam(call.refusedParam(refusal.param())); // in the tool's own field names
                }
            }
            exchange.rateLimitHeaders().forEach(res::setHeader);
            if (refusal != null) {
                refuse(capture, res, sse, out[0], refusal);
                return;
            }
            audit.beforeModelCall(capture);
            exchange.warnings().forEach(w -> res.addHeader(WARNING_HEADER, w));
            callModel(surface.endpoint(), call, capture, res, sse, out, upstream);
        } catch (UpstreamException e) {
            if (upstream[0] != null) {
                try {
                    upstream[0].broken(); // what the rewriter held of the answer so far goes out before the error (answer49)
                } catch (RuntimeException unsent) {
                    // the tool is gone or the held text could not go: the failure is still answered and recorded below
                }
            }
            StreamedOutput.failed(upstream[0], exchange);
            exchange.upstreamStatus(e.status());
            if (exchange.model() != null && !res.isCommitted()) {
                res.setHeader(MODEL_HEADER, exchange.model().id());
            }
            Refusal refusal = UpstreamFailures.toRefusal(e, exchange.model() == null ? "?" : exchange.model().id(),
                    call == null ? null : call.param(e.param()));
            exchange.fail(refusal, "upstream:" + e.kind().name().toLowerCase(java.util.Locale.ROOT));
            log.warn("trace {} upstream failure {} for model {}", exchange.traceId(), e.getMessage(),
                    exchange.model() == null ? "?" : exchange.model().id());
            refuse(capture, res, sse, out[0], refusal);
        } catch (AnswerTooLargeException e) {
            // the stream's tool-call arguments grew beyond what the gateway holds to restore and scan them (json28);
            // the budget is charged what the model wrote until then, as for a failed stream (budget28)
            StreamedOutput.failed(upstream[0], exchange);
            if (upstream[0] != null) {
                upstream[0].close(); // what it held goes back before the tool hears of it
            }
            Refusal refusal = e.replica() ? argumentsHeldByAllStreams(exchange) : Refusal.badGateway("tool_arguments_too_large",
                    "Het taalmodel " + (exchange.model() == null ? "?" : "'" + exchange.model().id() + "'")
                            + " schreef de argumenten van een functieaanroep langer dan " + e.limit()
                            + " tekens. Dijkwacht controleert argumenten in hun geheel en heeft het antwoord daarom afgebroken;"
                            + " het is onvolledig. Vraag om een kortere aanroep of laat de beheerder dijkwacht.max-held-tool-arguments verhogen.");
            exchange.fail(refusal, "answer:" + refusal.code());
            log.warn("trace {} stopped: {}", exchange.traceId(), e.getMessage());
            refuse(capture, res, sse, out[0], refusal);
        } catch (ClientGoneException e) {
            StreamedOutput.failed(upstream[0], exchange);
            exchange.upstreamEnded(ModelInvoker.CLIENT_DISCONNECTED);
            exchange.fail(Refusal.badRequest("client_disconnected", "De verbinding werd door de tool verbroken.", null),
                    "client:disconnected");
            recordQuietly(capture, 499, true);
        } catch (AuditUnavailableException e) {
            if (!res.isCommitted()) {
                res.reset();
                errors.write(res, auditUnavailable(exchange));
            }
        } catch (RuntimeException e) {
            StreamedOutput.failed(upstream[0], exchange);
            exchange.upstreamEnded(ModelInvoker.GATEWAY_ERROR);
            log.error("trace {} failed: {}", exchange.traceId(), e.getClass().getName());
            Refusal refusal = Refusal.internal("internal_error",
                    "Er ging iets mis in Dijkwacht. Het verzoek is niet doorgestuurd. Meld trace-id " + exchange.traceId() + " bij de servicedesk.");
            exchange.fail(refusal, "gateway:" + e.getClass().getSimpleName());
            refuse(capture, res, sse, out[0], refusal);
        } finally {
            if (upstream[0] != null) {
                upstream[0].close(); // what the stream still holds of the replica's bounds, however it ended
            }
            // after the last attempt (fallbacks included): the reserved tokens become the reported usage
            limits.settle(exchange);
        }
    }

    /**
     * The streams of this replica together hold as many tool-call arguments as it holds at once
     * ({@code dijkwacht.max-held-tool-arguments-total}, leftover45): this answer is ended, the others go on.
     */
    private static Refusal argumentsHeldByAllStreams(Exchange exchange) {
        return Refusal.unavailable("tool_arguments_held_replica_limit",
                "Dijkwacht houdt op dit moment voor andere antwoorden al zoveel argumenten van functieaanroepen vast als deze"
                        + " gateway in totaal controleert. Het antwoord van het taalmodel "
                        + (exchange.model() == null ? "?" : "'" + exchange.model().id() + "'")
                        + " is daarom afgebroken en onvolledig. Probeer het zo opnieuw; blijft dit gebeuren, laat de beheerder"
                        + " dijkwacht.max-held-tool-arguments-total verhogen.");
    }

    /**
     * Calls the chosen model through the router, which owns fallback, upstream choice and retries; this handler only
     * delivers the answer (rewritten, audited) and names the model that answered.
     */
    private void callModel(Endpoint endpoint, Surface.Call call, AuditCapture capture, HttpServletResponse res, SseWriter sse,
                           Surface.Stream[] out, ChunkSink[] upstream) {
        Exchange exchange = capture.exchange();
        if (endpoint == Endpoint.EMBEDDINGS) {
            ObjectNode reply = router.embed(exchange);
            exchange.usage(reply.path("usage").path("prompt_tokens").asInt(), 0);
            exchange.upstreamStatus(200);
            res.setHeader(MODEL_HEADER, exchange.model().id());
            respond(capture, res, reply);
        } else if (exchange.request().stream()) {
            out[0] = call.stream(exchange, sse);
            // with a token budget: what the model streams is kept, to be charged if the stream fails (ADR 0012)
            upstream[0] = StreamedOutput.around(exchange, capture.tap(replies.stream(exchange, new AuditedStream(capture, out[0], res))));
            router.stream(exchange, upstream[0]);
        } else {
            ObjectNode reply = router.reply(exchange);
            exchange.upstreamStatus(200);
            // only now, after any fallback, is it known which model wrote the answer the disclaimer names
            res.setHeader(MODEL_HEADER, exchange.model().id());
            setDisclaimerHeader(exchange, res);
            capture.upstreamReply(reply);
            ObjectNode delivered = replies.rewrite(exchange, reply);
            capture.deliveredReply(delivered);
            respond(capture, res, call.reply(exchange, delivered));
        }
    }

    private void setDisclaimerHeader(Exchange exchange, HttpServletResponse res) {
        String disclaimer = replies.disclaimerText(exchange);
        if (!disclaimer.isEmpty()) {
            res.setHeader(DISCLAIMER_HEADER, headerSafe(disclaimer));
        }
    }

    /** Header values are ASCII: anything else (and '%') percent-encoded as UTF-8. A text without either is itself. */
    static String headerSafe(String text) {
        if (printableAsciiWithoutPercent(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static boolean printableAsciiWithoutPercent(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '%') {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes a whole answer once its record is committed (ADR 0005). When the tool has hung up meanwhile (it closed
     * the connection while the model was working) the write fails, and a second record for the same trace says what
     * the tool got: {@code client_disconnected}, status 499. The headers go out on their own first: a closed
     * connection often still accepts the first write, and then refuses the next.
     */
    private void respond(AuditCapture capture, HttpServletResponse res, ObjectNode body) {
        audit.record(capture.exchange(), capture, 200, false);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        res.setStatus(200);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.setContentLength(bytes.length);
        try {
            res.flushBuffer();
            res.getOutputStream().write(bytes);
            res.flushBuffer();
        } catch (IOException e) {
            Exchange exchange = capture.exchange();
            exchange.fail(Refusal.badRequest("client_disconnected",
                    "De verbinding werd door de tool verbroken voordat het antwoord geschreven was.", null), "client:disconnected-before-answer");
            recordQuietly(capture, 499, false);
        }
    }

    /** Answers with the refusal (as JSON, or as an error event inside a started stream) after recording it. */
    private void refuse(AuditCapture capture, HttpServletResponse res, SseWriter sse, Surface.Stream stream, Refusal refusal) {
        boolean inStream = sse.started();
        recordQuietly(capture, inStream ? 200 : refusal.status(), inStream);
        if (inStream) {
            try {
                stream.error(refusal, errors.body(refusal));
            } catch (RuntimeException ignored) {
                // the tool is gone; the audit record already says what happened
            }
        } else {
            errors.write(res, refusal);
        }
    }

    private void recordQuietly(AuditCapture capture, int status, boolean streamed) {
        try {
            audit.record(capture.exchange(), capture, status, streamed);
        } catch (AuditUnavailableException e) {
            // already logged by the trail; the refusal stands either way
        }
    }

    private static Refusal auditUnavailable(Exchange exchange) {
        return Refusal.unavailable("audit_unavailable",
                "Dijkwacht kan het gebruik nu niet vastleggen en geeft daarom geen antwoord. Probeer het later opnieuw (trace-id "
                        + exchange.traceId() + ").");
    }

    /** The tool's stream, with the audit record written just before {@code [DONE]}: no record, no clean end. */
    private final class AuditedStream implements ChunkOutput {
        private final AuditCapture capture;
        private final Exchange exchange;
        private final Surface.Stream out;
        private final HttpServletResponse res;

        AuditedStream(AuditCapture capture, Surface.Stream out, HttpServletResponse res) {
            this.capture = capture;
            this.exchange = capture.exchange();
            this.out = out;
            this.res = res;
        }

        @Override
        public void start() {
            exchange.upstreamStatus(200);
            // the stream opened: the model on the exchange (after any fallback) is the one that answers
            res.setHeader(MODEL_HEADER, exchange.model().id());
            setDisclaimerHeader(exchange, res);
            out.start();
        }

        @Override
        public void chunk(ObjectNode chunk) {
            exchange.upstreamFirstToken();
            capture.deliveredChunk(chunk);
            out.chunk(chunk);
        }

        @Override
        public void pending(ObjectNode chunk) {
            exchange.upstreamFirstToken();
            capture.deliveredChunk(chunk);
            out.pending(chunk);
        }

        @Override
        public void pending(RawChunk chunk) {
            String text = chunk.plainContent();
            if (text == null) {
                pending(chunk.tree());
                return;
            }
            exchange.upstreamFirstToken();
            capture.deliveredText(text);
            out.pending(chunk);
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void done() {
            exchange.upstreamEnded(UpstreamCall.OK);
            try {
                audit.record(exchange, capture, 200, true);
            } catch (AuditUnavailableException e) {
                Refusal refusal = auditUnavailable(exchange);
                out.error(refusal, errors.body(refusal));
                return;
            }
            out.done();
        }
    }
}
