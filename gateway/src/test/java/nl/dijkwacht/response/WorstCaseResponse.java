package nl.dijkwacht.response;

import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.anonymize.PlaceholderRestorer;
import nl.dijkwacht.pii.anonymize.StreamTransformer;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;

/** The way back for {@link nl.dijkwacht.pii.WorstCaseRunner}: restoring placeholders and the output scan, whole and streamed. */
public final class WorstCaseResponse {

    private static final Anonymizer ANONYMIZER = new Anonymizer("worst-case-inputs-key".getBytes());

    private WorstCaseResponse() {
    }

    private static Exchange exchange() {
        Exchange ex = new Exchange("t", Endpoint.CHAT_COMPLETIONS, CallerHeaders.NONE, null);
        ex.vault().placeholderFor(EntityType.EMAIL, "jan@example.nl");
        ex.vault().placeholderFor(EntityType.PERSON, "Jan de Vries");
        return ex;
    }

    /** Restoring a whole answer. */
    public static int restoreAll(String answer) {
        return new PlaceholderRestorer(exchange().vault()).restoreAll(answer).length();
    }

    /** Restoring a streamed answer in chunks of {@code chunk} characters. */
    public static int restoreStream(String answer, int chunk) {
        return stream(new PlaceholderRestorer(exchange().vault()), answer, chunk);
    }

    /** The output scan of a whole answer (counting). */
    public static int scanWhole(PiiEngine engine, String answer) {
        return new OutputScan(engine, ANONYMIZER).of(exchange()).apply(answer).length();
    }

    /** The output scan of a streamed answer in chunks of {@code chunk} characters; {@code redact}: hold and redact. */
    public static int scanStream(PiiEngine engine, String answer, int chunk, boolean redact) {
        return stream(new StreamingOutputScan(new OutputScan(engine, ANONYMIZER).of(exchange()), redact), answer, chunk);
    }

    private static int stream(StreamTransformer t, String answer, int chunk) {
        int[] out = {0};
        for (int i = 0; i < answer.length(); i += chunk) {
            t.onChunk(answer.substring(i, Math.min(answer.length(), i + chunk)), s -> out[0] += s.length());
        }
        t.onComplete(s -> out[0] += s.length());
        return out[0];
    }
}
