package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.anonymize.Operator;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.anonymize.StreamTransformer;
import nl.dijkwacht.pipeline.Exchange;

/**
 * Looks for personal data in a model's answer that was not in the prompt (the model made it up or knew it).
 * Such findings are always counted for the audit record ({@code output_entity_counts}); when the use-case says
 * {@code pii.output: redact} they are also replaced by {@code [TYPE]} — in whole answers, in streamed answers (chunk by
 * chunk, {@link StreamingOutputScan}), and in JSON, value by value ({@link #applyToArguments}: tool-call arguments and
 * JSON-mode answers, whole or streamed).
 */
public final class OutputScan {

    private static final OperatorPolicy REDACT_ALL = new OperatorPolicy(java.util.Map.of(), Operator.REDACT);

    private final PiiEngine engine;
    private final Anonymizer anonymizer;

    public OutputScan(PiiEngine engine, Anonymizer anonymizer) {
        this.engine = engine;
        this.anonymizer = anonymizer;
    }

    /** The scan of one answer: bound to the request's vault (the prompt's own values are not fresh) and counts. */
    public Bound of(Exchange exchange) {
        return new Bound(exchange);
    }

    public final class Bound {
        private final Exchange exchange;

        private Bound(Exchange exchange) {
            this.exchange = exchange;
        }

        public boolean redacts() {
            return exchange.useCase() != null && exchange.useCase().redactOutputPii();
        }

        /**
         * A whole answer (restored): counted, and redacted when the use-case says so. Scanned in the windows a stream of
         * it is scanned in ({@link StreamingOutputScan}), so that it gets the same findings whole or streamed: an answer
         * shorter than the window (with {@code flag} about 1 KB, with {@code redact} 112 characters) in one scan.
         */
        public String apply(String answer) {
            if (answer == null || answer.isEmpty()) {
                return answer;
            }
            StreamTransformer windows = stream();
            if (!redacts()) {
                windows.onChunk(answer, text -> { });
                windows.onComplete(text -> { });
                return answer;
            }
            StringBuilder out = new StringBuilder(answer.length());
            windows.onChunk(answer, out::append);
            windows.onComplete(out::append);
            return out.toString();
        }

        /** A streamed answer, chunk by chunk, holding back only a bounded tail. */
        public StreamTransformer stream() {
            return new StreamingOutputScan(this, redacts());
        }

        /**
         * JSON text (tool-call arguments, a JSON-mode answer): every string value, key and number is scanned on its
         * own and redacted where policy says, and the JSON is written again ({@link JsonTextScan}); text that is not one
         * JSON value is scanned as plain text.
         */
        public String applyToArguments(String arguments, ObjectMapper json) {
            if (arguments == null || arguments.isEmpty()) {
                return arguments;
            }
            String scanned = JsonTextScan.scan(arguments, json, this::apply);
            return scanned == null ? apply(arguments) : scanned;
        }

        List<Finding> fresh(String text) {
            return engine.scanOutput(text, exchange.vault());
        }

        void count(List<Finding> findings) {
            findings.forEach(f -> exchange.countOutputEntity(f.type()));
        }

        String redact(String text, List<Finding> findings) {
            return findings.isEmpty() ? text : anonymizer.apply(text, findings, REDACT_ALL, exchange.vault()).text();
        }
    }
}
