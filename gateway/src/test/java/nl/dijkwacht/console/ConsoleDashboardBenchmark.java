package nl.dijkwacht.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.BulkChain;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.support.LocalServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How fast the console's pages load over a large audit trail on PostgreSQL: fills a fresh schema with
 * {@code dw.records} (default 1,000,000) correctly chained records spread over the last 30 days (5 models, 4 use-cases,
 * 12 departments, all decisions), starts the gateway on it with the default policy pack, signs in as the development
 * auditor and times whole page loads (server render included; no browser) of the dashboard for the last 30 days /
 * week / day, the first audit-log page, a keyset page deep in the log and a trace page.
 *
 * <p>{@code DW_BENCH=1 ./mvnw -q -B -pl gateway test -Dtest=ConsoleDashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * [-Ddw.records=1000000 -Ddw.runs=20]}, then {@code grep BENCH gateway/target/surefire-reports/nl.dijkwacht.console.ConsoleDashboardBenchmark-output.txt}.
 * Without {@code DW_BENCH=1} it skips. Run it on a quiet machine only; it drops its schema when done.
 *
 * <p>Filling 1,000,000 records takes minutes; to fill once and time later (a quiet window), name a schema and keep it:
 * {@code -Ddw.schema=dw_bench_console_1m -Ddw.keep=true -Ddw.fill-only=true} fills it (its key is derived from the
 * schema name, so a later run verifies the same chain), and a later run with {@code -Ddw.schema=dw_bench_console_1m
 * -Ddw.keep=true} finds the records there and only times the pages.
 */
@EnabledIfEnvironmentVariable(named = "DW_BENCH", matches = "1", disabledReason = "benchmark: set DW_BENCH=1 to run it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleDashboardBenchmark {

    static final long RECORDS = Long.getLong("dw.records", 1_000_000);
    static final int RUNS = Integer.getInteger("dw.runs", 20);
    static final String NAMED_SCHEMA = System.getProperty("dw.schema");
    static final String SECRET = Base64.getEncoder().encodeToString(NAMED_SCHEMA == null
            ? new SecureRandom().generateSeed(32) : sha256("dw-bench-console:" + NAMED_SCHEMA));
    static final String CHAIN = "bench";
    static String schema;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        schema = NAMED_SCHEMA == null ? LocalServices.createPostgresSchema("dw_bench_console")
                : LocalServices.ensurePostgresSchema(NAMED_SCHEMA);
        Path data = Files.createTempDirectory("dw-bench-console");
        registry.add("spring.datasource.url", () -> LocalServices.postgresUrl(schema));
        registry.add("spring.datasource.username", () -> LocalServices.POSTGRES_USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("dijkwacht.secret-key", () -> SECRET);
        registry.add("dijkwacht.data-dir", data::toString);
        registry.add("dijkwacht.policies-dir", () -> Path.of("../policies").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.models-dir", () -> Path.of("../models-config").toAbsolutePath().normalize().toString());
        // a closed benchmark machine: the development login on PostgreSQL (the gateway warns about it at start-up)
        registry.add("dijkwacht.console.local-accounts", () -> "on");
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @AfterAll
    void dropSchema() {
        if (schema != null && !Boolean.getBoolean("dw.keep")) {
            LocalServices.dropPostgresSchema(schema);
        }
    }

    @Test
    void pageLoadsOverALargeAuditTrail() throws Exception {
        long started = System.nanoTime();
        long present;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM audit_record WHERE chain_id = '" + CHAIN + "'")) {
            rs.next();
            present = rs.getLong(1);
        }
        String someTrace;
        if (present == RECORDS) {
            someTrace = "bench-" + Math.max(1, RECORDS / 3);
            System.out.printf("BENCH fill: %,d records already in schema %s (filled earlier)%n", RECORDS, schema);
        } else {
            assertThat(present).as("schema %s holds a partial fill; drop it first", schema).isZero();
            someTrace = fill();
            System.out.printf("BENCH fill: %,d records in %.1f s%n", RECORDS, (System.nanoTime() - started) / 1e9);
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("ANALYZE audit_record");
            }
        }
        if (Boolean.getBoolean("dw.fill-only")) {
            return;
        }

        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        login(http);
        String deepCursor = deepCursor(http);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("dashboard, last 30 days (all records)", "/console?periode=maand");
        pages.put("dashboard, last 7 days", "/console?periode=week");
        pages.put("dashboard, last 24 hours", "/console?periode=dag");
        pages.put("audit log, first page (50)", "/console/audit");
        pages.put("audit log, keyset page ~" + (RECORDS / 2 / 1000) + "k records deep", "/console/audit?na=" + deepCursor);
        pages.put("trace page", "/console/audit/trace/" + someTrace);
        System.out.printf("BENCH | page | runs | min ms | median ms | p95 ms | max ms |%n");
        for (var page : pages.entrySet()) {
            for (int i = 0; i < 3; i++) {
                get(http, page.getValue());
            }
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                get(http, page.getValue());
                ms.add((System.nanoTime() - t0) / 1e6);
            }
            Collections.sort(ms);
            System.out.printf("BENCH | %s | %d | %.0f | %.0f | %.0f | %.0f |%n", page.getKey(), RUNS, ms.getFirst(),
                    ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.getLast());
        }
    }

    /** Bulk-inserts the records (JDBC batches, chained under the gateway's key); returns one trace id. */
    private String fill() throws Exception {
        ChainCodec codec = ChainCodec.fromSecret(Base64.getDecoder().decode(SECRET));
        AuditRows rows = new AuditRows(new com.fasterxml.jackson.databind.ObjectMapper());
        String[] models = {"eu-groot", "lokaal-klein", "dry-run", "claude-extern", "eu-groot"};
        String[] useCases = {"algemene-vragen", "brieven-opstellen", "documenten-samenvatten", "woo-lakken"};
        String[] decisions = {"allowed", "allowed", "allowed", "redacted", "redacted", "rerouted", "refused", "failed"};
        Random random = new Random(42);
        Instant end = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long spanMillis = Duration.ofDays(30).toMillis();
        BulkChain.write(dataSource, codec, rows, CHAIN, RECORDS, seq -> record("bench-" + seq,
                end.minusMillis(spanMillis - spanMillis * seq / RECORDS), models[random.nextInt(models.length)],
                useCases[random.nextInt(useCases.length)], "Afdeling-" + random.nextInt(12),
                "p-" + Integer.toHexString(random.nextInt(5000)), decisions[random.nextInt(decisions.length)], random));
        return "bench-" + Math.max(1, RECORDS / 3);
    }

    private static AuditRecord record(String trace, Instant at, String model, String useCase, String department, String actor,
                                      String decision, Random random) {
        boolean refused = decision.equals("refused");
        boolean failed = decision.equals("failed");
        int prompt = 50 + random.nextInt(900);
        int completion = refused ? 0 : 20 + random.nextInt(600);
        String rule = switch (decision) {
            case "redacted" -> "pii:redacted";
            case "rerouted" -> random.nextBoolean() ? "route:personal-data:lokaal-klein" : "fallback:eu-groot->lokaal-klein:timeout";
            case "refused" -> random.nextBoolean() ? "use-case:department-not-allowed" : "purpose:profilering";
            case "failed" -> "upstream:timeout";
            default -> null;
        };
        String code = refused ? (rule.startsWith("use-case") ? "department_not_allowed" : "forbidden_purpose")
                : failed ? "upstream_timeout" : null;
        Map<String, Integer> entities = decision.equals("redacted") ? Map.of("BSN", 1, "EMAIL", 1 + random.nextInt(2)) : Map.of();
        return AuditRecord.builder()
                .traceId(trace)
                .occurredAt(at)
                .bioAction("chat.completions")
                .bioObject("model:" + model)
                .bioResult(refused ? "refused" : failed ? "failed" : "success")
                .bioOrigin("tool:dev-cli")
                .endpoint("chat.completions")
                .toolId("dev-cli")
                .actorPseudonym(actor)
                .department(department)
                .tenant("gemeente")
                .useCase(useCase)
                .modelId(model)
                .upstreamModel(model + "-v1")
                .provider("openai-compatible")
                .hosting("on-premises")
                .policyVersion("bench-policy")
                .decision(decision)
                .rule(rule)
                .errorCode(code)
                .httpStatus(refused ? 403 : failed ? 504 : 200)
                .upstreamStatus(refused ? null : failed ? 504 : 200)
                .entityCounts(entities)
                .promptTokens(prompt)
                .completionTokens(completion)
                .latencyMillis(200 + random.nextInt(3000))
                .energyWh((prompt + completion) / 1000.0 * 0.3)
                .streamed(random.nextBoolean())
                .hashKeyId("k1")
                .promptHmac("a".repeat(64))
                .answerHmac(refused ? null : "b".repeat(64))
                .reviewRequired(useCase.equals("brieven-opstellen"))
                .build();
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void login(HttpClient http) throws Exception {
        String form = get(http, "/console/inloggen");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        String body = "username=dev-auditor&password=" + URLEncoder.encode("dw-audit-alleen-lokaal", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/inloggen"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/console");
    }

    /** Walks the log by keyset to about half-way, returning that page's cursor (so the timed page is deep). */
    private String deepCursor(HttpClient http) throws Exception {
        long target = RECORDS / 2;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT occurred_at, id FROM audit_record WHERE chain_id = ? AND seq = ?")) {
            ps.setString(1, CHAIN);
            ps.setLong(2, target);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, java.time.OffsetDateTime.class).toInstant().toEpochMilli() + "." + rs.getLong(2);
            }
        }
    }

    private String get(HttpClient http, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
