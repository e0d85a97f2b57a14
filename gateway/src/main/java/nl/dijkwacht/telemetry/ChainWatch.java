package nl.dijkwacht.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.dijkwacht.audit.TenantScope;
import nl.dijkwacht.audit.chain.ChainVerifier;
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
 *
 * <p>A check resumes after the last link the previous check verified (so an hourly check walks the last hour's
 * records, not the year's), and once every {@code dijkwacht.telemetry.chain-full-walk-interval} (default 24h) it walks
 * the whole chain again: a resumed walk trusts what it verified before, so an edit of an older record is caught by the
 * next full walk, within a day. The first check after the start, and every check after one that found a problem, is a
 * full walk (a broken chain stays 0 until it verifies from its first link again). {@code
 * dijkwacht_audit_chain_walks_total{walk="full"|"resumed", result="valid"|"broken"}} says which kind ran and what it
 * found.
 */
public final class ChainWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChainWatch.class);

    static final Duration DEFAULT_FULL_WALK_INTERVAL = Duration.ofHours(24);

    private final AuditVerification verification;
    private final Duration fullWalkEvery;
    private final Clock clock;
    private final Map<String, ChainState> chains = new LinkedHashMap<>();
    private final ScheduledExecutorService scheduler;

    /** What the watch knows of one chain between checks (touched by the one scheduler thread, or a test). */
    private static final class ChainState {
        final AtomicLong valid = new AtomicLong(-1);
        final AtomicLong checkedRecords = new AtomicLong();
        final AtomicLong verifiedSeq = new AtomicLong();
        final AtomicLong lastWalkFull = new AtomicLong(-1);
        final Map<String, Counter> walks = new LinkedHashMap<>();
        /** The last link verified (null: walk from the first link next time). */
        ChainVerifier.Resume resume;
        Instant lastFullWalk;
    }

    public ChainWatch(AuditVerification verification, String chainId, Duration interval, MeterRegistry meters) {
        this(verification, List.of(chainId), interval, DEFAULT_FULL_WALK_INTERVAL, Clock.systemUTC(), meters);
    }

    /**
     * @param chainIds      this replica's chains: the default tenant's and, with several tenants, {@code <chain-id>@<tenant>}
     * @param interval      how often to check (0: never on a schedule; {@link #check()} still works)
     * @param fullWalkEvery how long a check may resume from the previous one before the next walks the whole chain
     *                      (0: every check walks the whole chain)
     */
    public ChainWatch(AuditVerification verification, List<String> chainIds, Duration interval, Duration fullWalkEvery,
                      Clock clock, MeterRegistry meters) {
        this.verification = verification;
        this.fullWalkEvery = fullWalkEvery;
        this.clock = clock;
        for (String chainId : chainIds) {
            ChainState state = new ChainState();
            chains.put(chainId, state);
            Gauge.builder("dijkwacht.audit.chain.valid", state.valid, AtomicLong::get)
                    .description("1 when this replica's audit chain verified at the last check, 0 when it is broken, -1 when not checked")
                    .tag("chain", chainId).register(meters);
            Gauge.builder("dijkwacht.audit.chain.checked.records", state.checkedRecords, AtomicLong::get)
                    .description("Records walked by the last chain check").tag("chain", chainId).register(meters);
            Gauge.builder("dijkwacht.audit.chain.verified.seq", state.verifiedSeq, AtomicLong::get)
                    .description("The last link the chain checks verified (where the next resumed check starts)")
                    .tag("chain", chainId).register(meters);
            Gauge.builder("dijkwacht.audit.chain.last.walk.full", state.lastWalkFull, AtomicLong::get)
                    .description("1 when the last chain check walked the whole chain, 0 when it resumed after the previous one, -1 before the first")
                    .tag("chain", chainId).register(meters);
            for (String walk : new String[] {"full", "resumed"}) {
                for (String result : new String[] {"valid", "broken"}) {
                    state.walks.put(walk + "/" + result, Counter.builder("dijkwacht.audit.chain.walks")
                            .description("Chain checks by kind of walk (the whole chain, or resumed after the previous check) and outcome")
                            .tag("chain", chainId).tag("walk", walk).tag("result", result).register(meters));
                }
            }
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

    /** One check of every chain; public for the tests. */
    public synchronized void check() {
        chains.forEach(this::check);
    }

    private void check(String chainId, ChainState state) {
        Instant now = clock.instant();
        boolean full = state.resume == null || state.valid.get() != 1 || state.lastFullWalk == null
                || !now.isBefore(state.lastFullWalk.plus(fullWalkEvery));
        try {
            VerifyReport report = verification.verify(chainId, null, full ? null : state.resume, c -> true, TenantScope.everything())
                    .chains().getFirst();
            // a resume point inside a range retention removed cannot be tied to the chain: the verifier then walked it all
            boolean walkedAll = report.resumedFrom() == 0;
            if (walkedAll) {
                state.lastFullWalk = now;
            }
            state.lastWalkFull.set(walkedAll ? 1 : 0);
            state.checkedRecords.set(report.recordsChecked());
            state.valid.set(report.ok() ? 1 : 0);
            state.walks.get((walkedAll ? "full" : "resumed") + "/" + (report.ok() ? "valid" : "broken")).increment();
            if (report.ok()) {
                state.resume = report.lastSeq() > 0 ? new ChainVerifier.Resume(report.lastSeq(), report.lastHash()) : null;
                state.verifiedSeq.set(report.lastSeq());
            } else {
                log.error("audit chain {} does not verify ({} walk): {} at seq {}", chainId, walkedAll ? "full" : "resumed",
                        report.problem().kind(), report.problem().seq());
            }
        } catch (AuditVerification.UnknownChainException e) {
            // nothing written by this replica yet: nothing to vouch for, so never "valid with 0 records"
            state.checkedRecords.set(0);
            state.valid.set(-1);
        } catch (RuntimeException e) {
            state.valid.set(-1);
            log.warn("audit chain {} could not be checked: {}", chainId, e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
