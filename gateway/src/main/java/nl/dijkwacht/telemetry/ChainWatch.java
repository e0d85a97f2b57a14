package nl.dijkwacht.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.VerifyReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies this replica's own audit chain every {@code dijkwacht.telemetry.chain-check-interval} (default 1h; 0 = off)
 * and shows the outcome as {@code dijkwacht_audit_chain_valid} (1 verified, 0 broken, -1 not yet checked or store
 * unreadable), so an alert fires when the chain breaks instead of when an auditor next looks. Each replica checks
 * only its own chain: together they cover all.
 */
public final class ChainWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChainWatch.class);

    private final ChainVerifier verifier;
    private final String chainId;
    private final AtomicLong valid = new AtomicLong(-1);
    private final AtomicLong checkedRecords = new AtomicLong();
    private final ScheduledExecutorService scheduler;

    public ChainWatch(ChainVerifier verifier, String chainId, Duration interval, MeterRegistry meters) {
        this.verifier = verifier;
        this.chainId = chainId;
        Gauge.builder("dijkwacht.audit.chain.valid", valid, AtomicLong::get)
                .description("1 when this replica's audit chain verified at the last check, 0 when it is broken, -1 when not checked")
                .tag("chain", chainId).register(meters);
        Gauge.builder("dijkwacht.audit.chain.checked.records", checkedRecords, AtomicLong::get)
                .description("Records walked by the last chain check").tag("chain", chainId).register(meters);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-chain-watch");
            t.setDaemon(true);
            return t;
        });
        if (!interval.isZero() && !interval.isNegative()) {
            long every = interval.toMillis();
            scheduler.scheduleWithFixedDelay(this::check, Math.min(every, 60_000), every, TimeUnit.MILLISECONDS);
        }
    }

    /** One check; public for the tests. */
    public void check() {
        try {
            VerifyReport report = verifier.verify(chainId, null, null);
            checkedRecords.set(report.recordsChecked());
            valid.set(report.ok() ? 1 : 0);
            if (!report.ok()) {
                log.error("audit chain {} does not verify: {} at seq {}", chainId, report.problem().kind(), report.problem().seq());
            }
        } catch (RuntimeException e) {
            valid.set(-1);
            log.warn("audit chain {} could not be checked: {}", chainId, e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
