package nl.dijkwacht.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.dijkwacht.DijkwachtApplication;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.StoreDurability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Audit write cost. Not part of the normal test run (Surefire excludes *Benchmark); run it with
 * {@code DW_BENCH=1 ./mvnw -q -B -pl gateway test -Dtest=AuditWriteBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (without {@code DW_BENCH=1} it skips, so {@code -Dtest='nl.dijkwacht.audit.**'} does not run it)
 * and read gateway/target/surefire-reports/nl.dijkwacht.audit.AuditWriteBenchmark-output.txt.
 *
 * <ol>
 *   <li>append latency of the chained store alone (H2 file as shipped, and PostgreSQL), 1 and 8 writer threads;</li>
 *   <li>gateway throughput (dry-run model, 8 client threads) with the real audit trail vs. with a no-op sink.</li>
 * </ol>
 */
@EnabledIfEnvironmentVariable(named = "DW_BENCH", matches = "1", disabledReason = "benchmark: set DW_BENCH=1 to run it")
class AuditWriteBenchmark {

    static final int WARMUP = 1000;
    static final int APPENDS = 4000;

    @Test
    void appendLatency() throws Exception {
        Path dir = Files.createTempDirectory("dw-bench");
        try (AuditDb h2 = AuditDb.h2File(dir.resolve("audit"))) {
            StoreDurability.ensure(h2.dataSource());
            measureAppends("H2 file (WRITE_DELAY 0)", h2, 1);
            measureAppends("H2 file (WRITE_DELAY 0)", h2, 8);
        }
        try (AuditDb pg = AuditDb.postgres()) {
            measureAppends("PostgreSQL 15 (local)", pg, 1);
            measureAppends("PostgreSQL 15 (local)", pg, 8);
        }
    }

    /**
     * One request at a time (c=1) on a virtual thread, as Tomcat runs requests: the record handed to the writer thread
     * ({@code alone} false, as under load) against written on the caller's thread ({@code alone} true), in alternating
     * rounds on the same store and JVM.
     */
    @Test
    void loneAppendOnTheCallersThreadOrHandedOff() throws Exception {
        Path dir = Files.createTempDirectory("dw-bench-lone");
        try (AuditDb h2 = AuditDb.h2File(dir.resolve("audit"))) {
            StoreDurability.ensure(h2.dataSource());
            java.util.concurrent.atomic.AtomicBoolean alone = new java.util.concurrent.atomic.AtomicBoolean();
            ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(h2.dataSource(),
                    ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes()),
                    new AuditRows(new ObjectMapper()), "bench-lone").alone(alone::get).start();
            try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int round = 0; round < 12; round++) {
                    alone.set(round % 2 == 1);
                    long[] nanos = caller.submit(() -> {
                        long[] n = new long[2_000];
                        for (int i = 0; i < n.length; i++) {
                            long t0 = System.nanoTime();
                            sink.append(Records.sample("lone-" + i, Instant.now()));
                            n[i] = System.nanoTime() - t0;
                        }
                        return n;
                    }).get();
                    Arrays.sort(nanos);
                    System.out.printf("BENCH lone append round %2d %-18s p50=%.3f ms  p90=%.3f ms  p99=%.3f ms%n", round,
                            alone.get() ? "caller's thread" : "writer thread", nanos[nanos.length / 2] / 1e6,
                            nanos[(int) (nanos.length * 0.9)] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6);
                }
            } finally {
                sink.close();
            }
        }
    }

    private static void measureAppends(String store, AuditDb db, int threads) throws Exception {
        ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(),
                ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes()), new AuditRows(new ObjectMapper()),
                "bench-" + threads).start();
        for (int i = 0; i < WARMUP; i++) {
            sink.append(Records.sample("warm-" + i, Instant.now()));
        }
        long[] nanos = new long[APPENDS];
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long i;
                while ((i = next.getAndIncrement()) < APPENDS) {
                    long t0 = System.nanoTime();
                    sink.append(Records.sample("b-" + threads + "-" + i, Instant.now()));
                    nanos[(int) i] = System.nanoTime() - t0;
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        Arrays.sort(nanos);
        System.out.printf("BENCH append %-26s threads=%d  n=%d  p50=%.2f ms  p99=%.2f ms  max=%.2f ms  throughput=%.0f appends/s%n",
                store, threads, APPENDS, nanos[APPENDS / 2] / 1e6, nanos[(int) (APPENDS * 0.99)] / 1e6,
                nanos[APPENDS - 1] / 1e6, APPENDS / (elapsed / 1e9));
    }

    @Test
    void gatewayThroughputWithAndWithoutAudit() throws Exception {
        double without = gatewayRun(false);
        double with = gatewayRun(true);
        System.out.printf("BENCH gateway throughput: no-op audit %.0f req/s, chained H2 audit %.0f req/s (%.0f%%)%n",
                without, with, with / without * 100);
    }

    @Configuration
    static class NoAudit {
        @Bean
        @Primary
        AuditSink noopAuditSink() {
            return (record, content) -> { };
        }
    }

    private static double gatewayRun(boolean audit) throws Exception {
        Path dir = Files.createTempDirectory("dw-bench-gw");
        List<Class<?>> sources = new ArrayList<>(List.of(DijkwachtApplication.class));
        if (!audit) {
            sources.add(NoAudit.class);
        }
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(sources.toArray(Class[]::new)).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("audit") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LAZY_QUERY_EXECUTION=TRUE",
                "--dijkwacht.data-dir=" + dir,
                "--dijkwacht.policies-dir=" + Path.of("../policies").toAbsolutePath().normalize(),
                "--dijkwacht.models-dir=" + Path.of("../models-config").toAbsolutePath().normalize(),
                "--dijkwacht.limits.requests-per-minute=100000000",
                "--logging.level.root=WARN");
        try {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            GatewayClient client = new GatewayClient(port);
            String body = client.chatBody("Schrijf een korte samenvatting van de vergadering van dinsdag.", false);
            runFor(client, body, 3_000); // warm-up
            return runFor(client, body, 10_000);
        } finally {
            ctx.close();
        }
    }

    private static double runFor(GatewayClient client, String body, long millis) throws Exception {
        AtomicLong ok = new AtomicLong();
        long end = System.currentTimeMillis() + millis;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                while (System.currentTimeMillis() < end) {
                    if (client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, body).statusCode() == 200) {
                        ok.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(millis + 60_000, TimeUnit.MILLISECONDS);
        return ok.get() / (millis / 1000.0);
    }
}
