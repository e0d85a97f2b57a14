package nl.dijkwacht.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.dijkwacht.audit.chain.VerifyReport;
import nl.dijkwacht.audit.query.AuditVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies this replica's own audit chain every {@code dijkwacht.telemetry.chain-check-interval} (default 1h; 0 = off)
 * and shows the outcome as {@code dijkwacht_audit_chain_valid} (1 verified, 0 broken, -1 not yet checked or store
 * unreadable, or no record written by this replica yet), so an alert fires when the chain breaks instead of when an
 * auditor next looks. It asks the same {@link AuditVerification} as {@code GET /audit/v1/verify} and the console, so the
 * gauge and the auditor can never disagree about what "verified" means. Each running replica checks only its own
 * chain; chains of replicas that are gone (a pod name is the chain id) are checked by the auditor's full verification.
 */
public final class ChainWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChainWatch.class);

    private final AuditVerification verification;
    /** Per chain of this replica (one per tenant): whether it verified, and how many records were walked. */
    private final java.util.Map<String, AtomicLong[]> chains = new java.util.LinkedHashMap<>();
    private final ScheduledExecutorService scheduler;

    public ChainWatch(AuditVerification verification, String chainId, Duration interval, MeterRegistry meters) {
        this(verification, java.util.List.of(chainId), interval, meters);
    }

    /** @param chainIds this replica's chains: the default tenant's and, with several tenants, {@code <chain-id>@<tenant>} */
    public ChainWatch(AuditVerification verification, java.util.List<String> chainIds, Duration interval, MeterRegistry meters) {
        this.verification = verification;
        for (String chainId : chainIds) {
            AtomicLong valid = new AtomicLong(-1);
            AtomicLong checkedRecords = new AtomicLong();
            chains.put(chainId, new AtomicLong[] {valid, checkedRecords});
            Gauge.builder("dijkwacht.audit.chain.valid", valid, AtomicLong::get)
                    .description("1 when this replica's audit chain verified at the last check, 0 when it is broken, -1 when not checked")
                    .tag("chain", chainId).register(meters);
            Gauge.builder("dijkwacht.audit.chain.checked.records", checkedRecords, AtomicLong::get)
                    .description("Records walked by the last chain check").tag("chain", chainId).register(meters);
        }
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
        chains.forEach((chainId, state) -> check(chainId, state[0], state[1]));
    }

    private void check(String chainId, AtomicLong valid, AtomicLong checkedRecords) {
        try {
            VerifyReport report = verification.verify(chainId, null).chains().getFirst();
            checkedRecords.set(report.recordsChecked());
            valid.set(report.ok() ? 1 : 0);
            if (!report.ok()) {
                log.error("audit chain {} does not verify: {} at seq {}", chainId, report.problem().kind(), report.problem().seq());
            }
        } catch (AuditVerification.UnknownChainException e) {
            // nothing written by this replica yet: nothing to vouch for, so never "valid with 0 records"
            checkedRecords.set(0);
            valid.set(-1);
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
