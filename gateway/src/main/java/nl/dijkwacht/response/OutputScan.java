package nl.dijkwacht.response;

import java.util.List;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.anonymize.Operator;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pipeline.Exchange;

/**
 * Looks for personal data in a model's answer that was not in the prompt (the model made it up or knew it).
 * Such findings are always counted for the audit record; in whole answers they are also redacted when the
 * use-case says {@code pii.output: redact}. A streamed answer has already reached the tool, so there they are
 * counted only.
 */
public final class OutputScan {

    private static final OperatorPolicy REDACT_ALL = new OperatorPolicy(java.util.Map.of(), Operator.REDACT);

    private final PiiEngine engine;
    private final Anonymizer anonymizer;

    public OutputScan(PiiEngine engine, Anonymizer anonymizer) {
        this.engine = engine;
        this.anonymizer = anonymizer;
    }

    /** @return the answer, redacted where policy asks and {@code mayRedact} allows */
    public String apply(Exchange exchange, String answer, boolean mayRedact) {
        if (answer == null || answer.isEmpty()) {
            return answer;
        }
        List<Finding> fresh = engine.scanOutput(answer, exchange.vault());
        if (fresh.isEmpty()) {
            return answer;
        }
        fresh.forEach(f -> exchange.countOutputEntity(f.type()));
        if (mayRedact && exchange.useCase() != null && exchange.useCase().redactOutputPii()) {
            return anonymizer.apply(answer, fresh, REDACT_ALL, exchange.vault()).text();
        }
        return answer;
    }
}
