package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import nl.dijkwacht.invoke.AnswerTooLargeException;
import nl.dijkwacht.pii.anonymize.PlaceholderRestorer;
import nl.dijkwacht.pipeline.Exchange;

/**
 * The tool-call arguments of one stream, all calls of all choices together. They are held until the call is complete when
 * placeholders must be restored or personal data redacted in them (inside JSON strings), bounded per stream (json28) and
 * over all streams of the replica ({@link HeldArguments}, leftover45); otherwise they pass at once and a copy is kept, to
 * be scanned and counted at the end.
 */
final class HeldToolArguments {

    /** Tool-call arguments kept for the count-only scan; longer arguments are scanned up to here. */
    private static final int MAX_SCANNED_ARGUMENTS = 1_000_000;

    private final Exchange exchange;
    private final boolean restore;
    /** The output scan of this answer; null for the dry-run model. */
    private final OutputScan.Bound outputScan;
    private final ObjectMapper json;
    private final boolean hold;
    /** Tool-call arguments held (all calls of all choices together) at most; beyond, the stream ends (json28). */
    private final int maxHeld;
    private long held;
    /** The replica's bound over all streams' held arguments: {@link #held} of it are this stream's until it ends. */
    private final HeldArguments replicaHeld;
    private long takenFromReplica;

    HeldToolArguments(Exchange exchange, boolean restore, OutputScan.Bound outputScan, ObjectMapper json, int maxHeld,
                      HeldArguments replicaHeld) {
        this.exchange = exchange;
        this.restore = restore;
        this.outputScan = outputScan;
        this.json = json;
        this.maxHeld = maxHeld;
        this.replicaHeld = replicaHeld;
        this.hold = restore || (outputScan != null && outputScan.redacts());
    }

    /** Whether the arguments are held until the call is complete (else they pass at once and a copy is counted). */
    boolean holds() {
        return hold;
    }

    /** One piece of a call's text ({@code field} of {@code body}): held to be restored and scanned at the end, or copied to be counted. */
    void collect(ObjectNode body, String field, int index, Map<Integer, StringBuilder> calls) {
        if (!body.path(field).isTextual()) {
            return;
        }
        StringBuilder arguments = calls.computeIfAbsent(index, i -> new StringBuilder());
        String part = body.get(field).asText();
        if (hold) {
            held += part.length();
            if (held > maxHeld) {
                // held until complete to restore and scan them: unbounded, a model could stream megabytes (json28)
                throw new AnswerTooLargeException(maxHeld);
            }
            if (!replicaHeld.take(part.length())) {
                // and over all streams of the replica: many streams each within their own bound (leftover45)
                throw new AnswerTooLargeException(replicaHeld.limit(), true);
            }
            takenFromReplica += part.length();
            arguments.append(part);
            body.put(field, "");
        } else if (outputScan != null && arguments.length() + part.length() <= MAX_SCANNED_ARGUMENTS) {
            arguments.append(part);
        }
    }

    /** Held tool-call arguments are JSON: values are restored JSON-escaped, so a quote in a value cannot break them. */
    String arguments(String arguments) {
        String rewritten = arguments;
        if (restore) {
            PlaceholderRestorer restorer = new PlaceholderRestorer(exchange.vault());
            rewritten = restorer.restoreAllInJson(arguments);
            exchange.placeholders(restorer.restoredCount(), restorer.unknownCount());
        }
        return outputScan == null ? rewritten : outputScan.applyToArguments(rewritten, json);
    }

    /** A held custom tool's input is free text: restored and scanned as text. */
    String customInput(String input) {
        return StreamedText.whole(input, exchange, restore, outputScan);
    }

    /** Copies of arguments that passed at once: scanned to be counted (nothing to do without an output scan). */
    void count(Iterable<StringBuilder> arguments, Iterable<StringBuilder> customInputs) {
        if (outputScan != null) {
            arguments.forEach(a -> outputScan.applyToArguments(a.toString(), json));
            customInputs.forEach(input -> outputScan.apply(input.toString()));
        }
    }

    /** The stream is over, however it ended: what it held of the replica's bound is given back. Idempotent. */
    void close() {
        if (takenFromReplica > 0) {
            replicaHeld.give(takenFromReplica);
            takenFromReplica = 0;
        }
    }
}
