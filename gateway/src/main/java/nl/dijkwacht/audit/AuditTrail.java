package nl.dijkwacht.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.Function;
import nl.dijkwacht.pipeline.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the audit record of a finished request. A failed write throws, so the caller can fail closed. */
public final class AuditTrail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditSink sink;
    private final AuditRecordFactory records;
    private final TextHasher hasher;
    private final AuditGovernance governance;
    private final ObjectMapper json;
    private final Timer writes;
    private final Counter failures;
    private final java.util.List<RecordListener> listeners;
    private final AuditSink warmUpSink;
    private TurnHasher turns;

    public AuditTrail(AuditSink sink, AuditRecordFactory records, TextHasher hasher, AuditGovernance governance,
                      ObjectMapper json) {
        this(sink, records, hasher, governance, json, new SimpleMeterRegistry(), java.util.List.of());
    }

    /** {@code dijkwacht.audit.write} (timer with p50/p99: what a request waits for its record) and failures. */
    public AuditTrail(AuditSink sink, AuditRecordFactory records, TextHasher hasher, AuditGovernance governance,
                      ObjectMapper json, MeterRegistry meters, java.util.List<RecordListener> listeners) {
        this(sink, records, hasher, governance, json, meters, listeners, null);
    }

    /**
     * @param warmUpSink where the start-up warm-up's records go ({@link nl.dijkwacht.identity.Caller#warmUp()}): a
     *                   writer that rolls back ({@code ChainedJdbcAuditSink.rehearsal}), or a throw-away copy of the
     *                   embedded store while the warm-up runs ({@link WarmUpAuditStore}); {@code null}: built, not written
     */
    public AuditTrail(AuditSink sink, AuditRecordFactory records, TextHasher hasher, AuditGovernance governance,
                      ObjectMapper json, MeterRegistry meters, java.util.List<RecordListener> listeners, AuditSink warmUpSink) {
        this.warmUpSink = warmUpSink;
        this.listeners = java.util.List.copyOf(listeners);
        this.sink = sink;
        this.records = records;
        this.hasher = hasher;
        this.governance = governance;
        this.json = json;
        this.writes = Timer.builder("dijkwacht.audit.write").description("audit record build + committed write per request")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.failures = Counter.builder("dijkwacht.audit.write.failures").register(meters);
    }

    /** Starts capturing what the audit needs of this request; {@code headers} reads the tool's request headers. */
    public AuditCapture capture(Exchange exchange, Function<String, String> headers) {
        return new AuditCapture(exchange, json, headers, hasher, turns);
    }

    /** Keeps the keyed hash of every delivered turn in its record (turns28; column {@code turn_hmac}). */
    public AuditTrail keepingTurnHashes(TurnHasher turns) {
        this.turns = turns;
        return this;
    }

    /**
     * To call once the pipeline has resolved the use-case and before the model is called. Takes the prompt's HMAC for
     * the record and releases the exchange's copies of the prompt as sent ({@link AuditCapture#settlePrompt}).
     *
     * @throws AuditUnavailableException when the store is known to be down: refuse before anything reaches the tool
     */
    public void beforeModelCall(AuditCapture capture) {
        if (!sink.available()) {
            log.warn("audit store unavailable: trace {} refused before the model call", capture.exchange().traceId());
            throw new AuditUnavailableException(new IllegalStateException("audit store unavailable"));
        }
        if (governance.contentRetentionDays(capture.exchange().useCase()) > 0) {
            capture.keepRedactedAnswer();
        }
        // the record's prompt HMAC is taken now: the prompt as sent is not kept while the model answers (or streams)
        capture.settlePrompt();
    }

    public void record(Exchange exchange, int httpStatus, boolean streamed) {
        record(exchange, null, httpStatus, streamed);
    }

    public void record(Exchange exchange, AuditCapture capture, int httpStatus, boolean streamed) {
        if (exchange.caller() != null && exchange.caller().warmUp()) {
            rehearse(exchange, capture, httpStatus, streamed);
            return;
        }
        long start = System.nanoTime();
        try {
            AuditRecord record = records.from(exchange, capture, httpStatus, streamed);
            sink.append(record, records.content(record, capture));
            writes.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            tell(exchange, record);
        } catch (RuntimeException e) {
            failures.increment();
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            // the store's message could quote a value (e.g. of the redacted-content tier): log the SQL state only
            log.error("audit write failed for trace {}: {}{}", exchange.traceId(), root.getClass().getSimpleName(),
                    root instanceof java.sql.SQLException sql ? " (SQLState " + sql.getSQLState() + ")" : "");
            throw new AuditUnavailableException(e);
        }
    }

    /** The warm-up's record: built and written like a real one, kept nowhere, counted by no metric or listener. */
    private void rehearse(Exchange exchange, AuditCapture capture, int httpStatus, boolean streamed) {
        try {
            AuditRecord record = records.from(exchange, capture, httpStatus, streamed);
            RetainedContent content = records.content(record, capture);
            if (warmUpSink != null) {
                warmUpSink.append(record, content);
            }
        } catch (RuntimeException e) {
            log.debug("warm-up record not written: {}", e.getClass().getSimpleName());
            throw new AuditUnavailableException(e);
        }
    }

    /** Stops the warm-up's writer. */
    @Override
    public void close() throws Exception {
        if (warmUpSink instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private void tell(Exchange exchange, AuditRecord record) {
        for (RecordListener listener : listeners) {
            try {
                listener.recorded(exchange, record);
            } catch (RuntimeException e) {
                log.warn("record listener {} failed: {}", listener.getClass().getSimpleName(), e.getClass().getSimpleName());
            }
        }
    }
}
