package nl.dijkwacht.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.dijkwacht.audit.chain.AuditJournal;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.JournalRecovery;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.chain.CommitHook;
import nl.dijkwacht.audit.chain.TenantChains;
import nl.dijkwacht.audit.oversight.Oversight;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.query.AuditVerification;
import nl.dijkwacht.audit.query.TraceQueries;
import nl.dijkwacht.audit.query.UsageQueries;
import nl.dijkwacht.audit.retention.LegalHolds;
import nl.dijkwacht.audit.retention.RetentionJob;
import nl.dijkwacht.audit.store.AuditPartitions;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.DurableCommits;
import nl.dijkwacht.audit.store.StoreDurability;
import nl.dijkwacht.audit.transparency.TransparencyReport;
import nl.dijkwacht.audit.web.AuditRoutes;
import nl.dijkwacht.api.filter.RouteFilters;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.policy.ActivePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/** Wires the audit trail: chained store, keyed hashes, governance facts, verification, retention, auditor API. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    Clock auditClock() {
        return Clock.systemUTC();
    }

    @Bean
    AuditGovernance auditGovernance(AuditProperties properties) {
        return new AuditGovernance(properties);
    }

    @Bean
    Pseudonymizer auditPseudonymizer(@Qualifier("secretKey") byte[] secretKey) {
        return new Pseudonymizer(secretKey);
    }

    @Bean
    TextHasher auditTextHasher(@Qualifier("secretKey") byte[] secretKey, AuditProperties properties) {
        return TextHasher.from(secretKey, properties.hashKeys(), properties.activeHashKey());
    }

    /** The keyed hash of a delivered turn (turns28): its own key from the gateway secret. */
    @Bean
    TurnHasher auditTurnHasher(@Qualifier("secretKey") byte[] secretKey) {
        return TurnHasher.fromSecret(secretKey);
    }

    /** Whether the gateway delivered a resent assistant turn: asked by the purpose guard (turns28). */
    @Bean
    nl.dijkwacht.pipeline.DeliveredTurns auditDeliveredTurns(DataSource dataSource, TurnHasher auditTurnHasher, AuditProperties properties) {
        return new nl.dijkwacht.audit.query.DeliveredTurnQuery(dataSource, auditTurnHasher, properties.otherChoicesWindow());
    }

    @Bean
    ChainCodec auditChainCodec(@Qualifier("secretKey") byte[] secretKey) {
        return ChainCodec.fromSecret(secretKey);
    }

    @Bean
    AuditRows auditRows(ObjectMapper dijkwachtJson) {
        return new AuditRows(dijkwachtJson);
    }

    @Bean
    ContentRedactor auditContentRedactor(PiiEngine piiEngine) {
        // the same engine the request path uses: whatever it recognises is never stored as text
        return new ContentRedactor(piiEngine);
    }

    @Bean
    @DependsOnDatabaseInitialization
    AuditPartitions auditPartitions(DataSource dataSource, Clock auditClock) {
        StoreDurability.ensure(dataSource);
        AuditPartitions partitions = new AuditPartitions(dataSource, auditClock, 2);
        partitions.ensure();
        return partitions;
    }

    /**
     * Journal mode of the embedded H2 file store (ADR 0010, {@code dijkwacht.audit.embedded-store-journal}, default on):
     * every other writer's commits are written to the file at once, as before ({@link DurableCommits}). A
     * {@code WRITE_DELAY} in the URL is dropped: each new pool connection would run it and end journal mode. An
     * embedded file URL without {@code AUTO_COMPACT_FILL_RATE} gets {@code =0} in either mode (h2store50, ADR 0010).
     */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor auditDurableCommits(
            org.springframework.core.env.Environment environment) {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof com.zaxxer.hikari.HikariDataSource hikari) || DurableCommits.isWrapped(hikari)
                        || !DurableCommits.isEmbeddedFileUrl(hikari.getJdbcUrl())) {
                    return bean;
                }
                String named = DurableCommits.autoCompactFillRate(hikari.getJdbcUrl());
                if (named == null) {
                    hikari.setJdbcUrl(DurableCommits.withoutH2OwnCompaction(hikari.getJdbcUrl())); // before the pool starts
                    log.info("embedded audit store: AUTO_COMPACT_FILL_RATE=0 added to the H2 URL (the gateway compacts the file itself)");
                } else if (!"0".equals(named)) {
                    log.warn("embedded audit store: the H2 URL sets AUTO_COMPACT_FILL_RATE to a value other than 0; H2's own"
                            + " compaction after a start can make whole-store reads fail (docs/reliability.md)");
                }
                if (environment.getProperty("dijkwacht.audit.embedded-store-journal", Boolean.class, true)) {
                    hikari.setJdbcUrl(DurableCommits.withoutWriteDelay(hikari.getJdbcUrl())); // before the pool starts
                    return DurableCommits.wrap(hikari);
                }
                return bean;
            }
        };
    }

    /**
     * The embedded H2 file's housekeeping (nothing on PostgreSQL); closed after the writer, before the pool. In journal
     * mode it first restores what the journals hold beyond the stored chains (a killed process), before any writer
     * starts and so before the gateway is ready.
     */
    @Bean(destroyMethod = "close")
    nl.dijkwacht.audit.store.AuditStoreHousekeeping auditStoreHousekeeping(DataSource dataSource, AuditPartitions partitions,
                                                                          ChainCodec codec, AuditRows rows,
            @org.springframework.beans.factory.annotation.Value("${dijkwacht.audit.embedded-store-compaction-period:100ms}") java.time.Duration compactionPeriod,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        var compaction = nl.dijkwacht.audit.store.EmbeddedStoreCompaction.start(DurableCommits.raw(dataSource), compactionPeriod);
        compaction.ifPresent(c -> meters.ifAvailable(registry -> io.micrometer.core.instrument.FunctionCounter
                .builder("dijkwacht.audit.embedded.compaction.failed", c, nl.dijkwacht.audit.store.EmbeddedStoreCompaction::failedRounds)
                .description("Rounds of the embedded store's file compaction that failed (the next round tries again)")
                .register(registry)));
        boolean journal = DurableCommits.isWrapped(dataSource) && compaction.isPresent();
        if (compaction.isPresent()) { // also with journal mode switched off since: what a killed process left is restored
            java.nio.file.Path base = compaction.get().fileBase();
            java.util.List<java.nio.file.Path> journals = AuditJournal.filesOf(base);
            if (!journals.isEmpty()) {
                JournalRecovery.recover(DurableCommits.raw(dataSource), codec, rows, journals);
                compaction.get().flush(true); // restored records on disk before their journals go
            }
            for (java.nio.file.Path j : journals) {
                try {
                    java.nio.file.Files.delete(j);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot remove the restored audit journal " + j.getFileName(), e);
                }
            }
        }
        return new nl.dijkwacht.audit.store.AuditStoreHousekeeping(compaction, journal);
    }

    /**
     * What a chain's writer does after each group commit: append to its journal, or (without one) the optional fsync.
     * The warm-up's scratch store sets up its writer with it too.
     */
    static CommitHook commitHook(nl.dijkwacht.audit.store.AuditStoreHousekeeping housekeeping, String chainId, boolean fsync) {
        return housekeeping.journalBase().<CommitHook>map(base -> {
            AuditJournal journal = new AuditJournal(AuditJournal.fileFor(base, chainId), fsync, () -> housekeeping.flush(fsync));
            housekeeping.closeLater(journal);
            return journal;
        }).orElseGet(() -> {
            Runnable sync = housekeeping.commitSync(fsync);
            return batch -> sync.run();
        });
    }

    /** Flyway migrates the store in order; out of order only a store that lacks an older migration (see the class). */
    @Bean
    org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy storeMigrations() {
        return new nl.dijkwacht.audit.store.StoreMigrations();
    }

    /**
     * The model requests being served; a lone one writes its own audit record (c=1 latency, see the sink), and a chain's
     * writer waits for fuller batches while many of its tenant's are in flight.
     */
    @Bean
    RequestsInFlight requestsInFlight(nl.dijkwacht.tenancy.Tenants tenants) {
        return new RequestsInFlight(tenants.all().stream().filter(t -> !t.isDefault()).map(nl.dijkwacht.tenancy.Tenant::id).toList());
    }

    @Bean
    @org.springframework.context.annotation.DependsOn("auditStoreHousekeeping")
    ChainedJdbcAuditSink auditSink(DataSource dataSource, ChainCodec codec, AuditRows rows, AuditProperties properties,
                                   AuditPartitions partitions, nl.dijkwacht.audit.store.AuditStoreHousekeeping housekeeping,
                                   @org.springframework.beans.factory.annotation.Value("${dijkwacht.audit.embedded-store-fsync:false}") boolean fsync,
                                   RequestsInFlight inFlight,
            @org.springframework.beans.factory.annotation.Value("${dijkwacht.audit.group-commit-wait:2ms}") java.time.Duration groupCommitWait,
                                   nl.dijkwacht.tenancy.Tenants tenants) {
        return ChainedJdbcAuditSink.builder(DurableCommits.raw(dataSource), codec, rows, properties.chainId())
                .afterCommit(commitHook(housekeeping, properties.chainId(), fsync))
                .alone(inFlight::alone)
                .groupCommitWait(inFlight.servingOnChainOf(tenants.defaultTenant().id()), groupCommitWait)
                .start();
    }

    /**
     * The audit sink of the request path and the operator actions: the default tenant's chain (the bean above) and a
     * chain {@code <chain-id>@<tenant>} for every other tenant.
     */
    @Bean(destroyMethod = "close")
    @org.springframework.context.annotation.Primary
    TenantChains auditChains(ChainedJdbcAuditSink auditSink, nl.dijkwacht.tenancy.Tenants tenants, DataSource dataSource,
                             ChainCodec codec, AuditRows rows, nl.dijkwacht.audit.store.AuditStoreHousekeeping housekeeping,
                             @org.springframework.beans.factory.annotation.Value("${dijkwacht.audit.embedded-store-fsync:false}") boolean fsync,
                             RequestsInFlight inFlight,
            @org.springframework.beans.factory.annotation.Value("${dijkwacht.audit.group-commit-wait:2ms}") java.time.Duration groupCommitWait) {
        java.util.Map<String, ChainedJdbcAuditSink> others = new java.util.LinkedHashMap<>();
        for (nl.dijkwacht.tenancy.Tenant t : tenants.all()) {
            if (!t.isDefault()) {
                String chain = TenantChains.chainId(auditSink.chainId(), t.id());
                if (chain.length() > 64) {
                    throw new nl.dijkwacht.config.InvalidSettingException("dijkwacht.audit.chain-id",
                            "the audit chain of tenant " + t.id() + " (" + chain + ") is longer than 64 characters",
                            "Choose a shorter chain id or tenant id.");
                }
                others.put(t.id(), ChainedJdbcAuditSink.builder(DurableCommits.raw(dataSource), codec, rows, chain)
                        .afterCommit(commitHook(housekeeping, chain, fsync))
                        .alone(inFlight::alone)
                        .groupCommitWait(inFlight.servingOnChainOf(t.id()), groupCommitWait)
                        .start());
            }
        }
        return new TenantChains(tenants.defaultTenant().id(), auditSink, others);
    }

    @Bean
    ChainVerifier auditChainVerifier(DataSource dataSource, ChainCodec codec, AuditRows rows) {
        return new ChainVerifier(dataSource, codec, rows);
    }

    /** The request path's trail; the start-up warm-up's records go to {@link WarmUpAuditStore}. */
    @Bean
    AuditTrail auditTrail(AuditSink sink, Pseudonymizer pseudonymizer, TextHasher hasher, AuditGovernance governance,
                          ContentRedactor redactor, ObjectMapper dijkwachtJson,
                          org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters,
                          org.springframework.beans.factory.ObjectProvider<RecordListener> listeners,
                          WarmUpAuditStore warmUpAuditStore, TurnHasher auditTurnHasher) {
        return new AuditTrail(sink, new AuditRecordFactory(pseudonymizer, hasher, governance, redactor),
                hasher, governance, dijkwachtJson,
                meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new),
                listeners.orderedStream().toList(), warmUpAuditStore).keepingTurnHashes(auditTurnHasher);
    }

    /**
     * The start-up warm-up's records: a writer of the real chain that rolls back; on the embedded H2 file store, while
     * the warm-up runs, committed into a throw-away copy of the store made like the real one ({@link ScratchAuditStore}).
     */
    @Bean
    WarmUpAuditStore warmUpAuditStore(DataSource dataSource, ChainCodec codec, AuditRows rows, AuditProperties properties,
                                      nl.dijkwacht.audit.store.AuditStoreHousekeeping housekeeping, RequestsInFlight inFlight,
            @org.springframework.beans.factory.annotation.Value("${dijkwacht.audit.embedded-store-fsync:false}") boolean fsync,
            @org.springframework.beans.factory.annotation.Value("${dijkwacht.audit.embedded-store-compaction-period:100ms}") java.time.Duration compactionPeriod) {
        AuditSink rehearsal = ChainedJdbcAuditSink.builder(dataSource, codec, rows, properties.chainId()).rehearsal().start();
        DataSource raw = DurableCommits.raw(dataSource);
        if (!(raw instanceof com.zaxxer.hikari.HikariDataSource pool) || housekeeping.embeddedFillRate().isEmpty()) {
            return new WarmUpAuditStore(rehearsal, null); // PostgreSQL, or H2 in memory: the rolled-back writer only
        }
        var settings = new ScratchAuditStore.Settings(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(),
                housekeeping.journalBase().isPresent(), fsync, compactionPeriod);
        java.nio.file.Path temporary = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        return new WarmUpAuditStore(rehearsal, () -> ScratchAuditStore.create(raw, settings, temporary, codec, rows,
                properties.chainId(), inFlight::alone));
    }

    /** Records every administrator and auditor action in the chain (admin API, auditor API, console). */
    @Bean
    OperatorActionLog operatorActionLog(AuditSink sink, TextHasher hasher, nl.dijkwacht.tenancy.Tenants tenants, Clock auditClock,
                                        org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        return new OperatorActionLog(sink, hasher,
                tenant -> tenants.find(tenant).orElse(tenants.defaultTenant()).policy().current().version(), auditClock,
                meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new));
    }

    @Bean
    LegalHolds auditLegalHolds(DataSource dataSource, Clock auditClock) {
        return new LegalHolds(dataSource, auditClock);
    }

    @Bean
    RetentionJob auditRetentionJob(DataSource dataSource, ChainCodec codec, AuditProperties properties, Clock auditClock,
                                   nl.dijkwacht.audit.store.AuditStoreHousekeeping housekeeping) {
        return new RetentionJob(dataSource, codec, properties.retention(), auditClock, RetentionJob.Pause.SLEEP,
                housekeeping::gentleCompaction);
    }

    /** Runs retention (and PostgreSQL partition upkeep) every {@code dijkwacht.audit.retention.interval}. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService auditRetentionSchedule(RetentionJob job, AuditPartitions partitions, AuditProperties properties,
                                                    ChainVerifier verifier) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-retention");
            t.setDaemon(true);
            return t;
        });
        long every = properties.retention().interval().toMinutes();
        if (every > 0) {
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    partitions.ensure();
                    job.run("schedule");
                    // an anchor outside the database: the log (shipped to the SIEM) holds the head of every day
                    var head = verifier.head(properties.chainId());
                    if (head != null) {
                        log.info("audit chain {} head seq={} hash={}", properties.chainId(), head.seq(), head.hash());
                    }
                } catch (RuntimeException e) {
                    log.error("scheduled audit retention failed: {}", e.getMessage());
                }
            }, Math.min(every, 60), every, TimeUnit.MINUTES);
        }
        return scheduler;
    }

    @Bean
    Oversight auditOversight(DataSource dataSource, ContentRedactor redactor, ChainCodec codec, Clock auditClock) {
        return new Oversight(dataSource, redactor, codec, auditClock);
    }

    /**
     * The daily roll-up of usage the aggregates read whole closed days from, brought up to date every
     * {@code dijkwacht.audit.usage-rollup-interval} (default 1h; 0: never on a schedule).
     */
    @Bean(destroyMethod = "close")
    nl.dijkwacht.audit.rollup.DailyUsageRollup auditUsageRollup(DataSource dataSource, Clock auditClock,
            @org.springframework.beans.factory.annotation.Value("${dijkwacht.audit.usage-rollup-interval:1h}") String interval) {
        return new nl.dijkwacht.audit.rollup.DailyUsageRollup(dataSource, auditClock,
                org.springframework.boot.convert.DurationStyle.detectAndParse(interval));
    }

    @Bean
    AuditQueries auditQueries(DataSource dataSource, AuditRows rows, ObjectMapper dijkwachtJson,
                              nl.dijkwacht.audit.rollup.DailyUsageRollup usageRollup) {
        return new AuditQueries(dataSource, rows, dijkwachtJson, usageRollup);
    }

    @Bean
    TraceQueries auditTraceQueries(AuditQueries queries, Oversight oversight, LegalHolds holds) {
        return new TraceQueries(queries, oversight, holds);
    }

    @Bean
    AuditVerification auditVerification(ChainVerifier verifier, Oversight oversight, Clock auditClock) {
        return new AuditVerification(verifier, oversight, auditClock);
    }

    @Bean
    UsageQueries auditUsageQueries(DataSource dataSource, nl.dijkwacht.audit.rollup.DailyUsageRollup usageRollup) {
        return new UsageQueries(dataSource, usageRollup);
    }

    @Bean
    TransparencyReport auditTransparencyReport(DataSource dataSource, ActivePolicy policy, AuditGovernance governance,
                                               AuditProperties properties, Clock auditClock, nl.dijkwacht.tenancy.Tenants tenants) {
        return new TransparencyReport(dataSource, policy, governance, properties.publication(), auditClock,
                TenantScope.of(tenants, tenants.defaultTenant().id()));
    }

    /** Every tenant's public report: the default tenant's is the bean above (scope: what belongs to no other tenant). */
    @Bean
    nl.dijkwacht.audit.transparency.TenantReports auditTenantReports(TransparencyReport auditTransparencyReport,
                                                                      nl.dijkwacht.tenancy.Tenants tenants, DataSource dataSource,
                                                                      AuditGovernance governance, AuditProperties properties,
                                                                      Clock auditClock) {
        java.util.Map<String, TransparencyReport> reports = new java.util.LinkedHashMap<>();
        for (nl.dijkwacht.tenancy.Tenant t : tenants.all()) {
            reports.put(t.id(), t.isDefault() ? auditTransparencyReport : new TransparencyReport(dataSource, t.policy(),
                    governance, properties.publication(), auditClock, TenantScope.of(tenants, t.id())));
        }
        return new nl.dijkwacht.audit.transparency.TenantReports(reports);
    }

    @Bean
    nl.dijkwacht.audit.oversight.RefusalFlags auditRefusalFlags(DataSource dataSource, Oversight oversight, AuditSink sink, Clock auditClock) {
        return new nl.dijkwacht.audit.oversight.RefusalFlags(dataSource, oversight, sink, auditClock);
    }

    @Bean
    RouterFunction<ServerResponse> auditRouterFunction(RouteFilters routeFilters, nl.dijkwacht.tenancy.Tenants tenants, AuditQueries queries,
                                                       TraceQueries traces, AuditVerification verification,
                                                       ChainVerifier verifier, TenantChains chains, LegalHolds holds,
                                                       RetentionJob retention, Oversight oversight,
                                                       nl.dijkwacht.audit.transparency.TenantReports transparency, Pseudonymizer pseudonymizer,
                                                       TextHasher hasher, ObjectMapper dijkwachtJson, OperatorActionLog operatorActions,
                                                       nl.dijkwacht.audit.oversight.RefusalFlags refusalFlags) {
        return new AuditRoutes(routeFilters, tenants, queries, traces, verification, verifier, chains, holds, retention,
                oversight, transparency, pseudonymizer, hasher, dijkwachtJson, operatorActions, refusalFlags).routes();
    }
}
