package nl.dijkwacht.policy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.pii.anonymize.Operator;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.support.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Policy reloads and kill switches under traffic, for three tenants (ADR 0004, reload28). While real requests run
 * concurrently (four client threads; model answers from WireMock with a recorded vLLM answer), a generated sequence
 * (fixed seed) edits two tenants' packs — a use-case's model list, its PII operator, a forbidden purpose in
 * governance.yaml, a file suspension of the use-case or a model, and broken edits — asks
 * {@code POST /admin/policy/reload} or leaves the change to the watcher (polling every 40 ms), and suspends and resumes
 * models and the use-case through the admin API. The default tenant's pack is never edited; it only has traffic.
 * Both edited tenants have the same use-case and model ids, so a leak of one tenant's pack or suspension into the
 * other would change an outcome.
 *
 * <p>Checked afterwards, from the answers and the audit records: every outcome is the one the version its record names
 * decides (each version's pack kept as the test's own {@link PolicyLoader} read it, composed with the API suspensions
 * that version's hash names); no 5xx; a suspension answered 200 refuses every request of that tenant that started after
 * the 200; a second replica's policy engine on the same database (its own {@link ActivePolicy}, {@link PolicyWatcher} and
 * {@link JdbcSuspensionStore} — not a second web server; {@code ops.ReplicasTest} has two JVMs) has it after one poll; a
 * broken edit is refused with a 422 and shown under {@code last_reload_error}, the working pack stays, a later good
 * edit loads; a tenant's records carry only its own versions; no prompt text in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedReloadTrafficTest extends GatewayTestBase {

    static final long SEED = 2_812_2026L;
    static final int STEPS = 70;
    static final String NOORD = "gemeente-noord";
    static final String ZUID = "gemeente-zuid";
    static final List<String> EDITED = List.of(NOORD, ZUID);
    static final Map<String, Path> ROOTS = new ConcurrentHashMap<>();

    /** The three prompts; none may appear in the log. */
    enum Text {
        PLAIN("Vat de notulen van de raadsvergadering kort samen."),
        PURPOSE("Tel elke zwaluwstaart in dit verslag van de raadsvergadering."),
        PII("Stuur de samenvatting naar jan.devries@example.nl en bel hem daarna.");

        final String text;

        Text(String text) {
            this.text = text;
        }
    }

    /** What a tenant's pack files say; {@code broken} names a file written broken (null: all files as the state says). */
    record State(boolean bothModels, boolean piiBlock, boolean purposeOn, boolean useCaseSuspended, boolean grootSuspended, boolean nieuw,
                 String broken) {

        State with(Op op) {
            return new State(bothModels ^ op == Op.MODELS, piiBlock ^ op == Op.PII, purposeOn ^ op == Op.PURPOSE,
                    useCaseSuspended ^ op == Op.FILE_SUSPEND_USE_CASE, grootSuspended ^ op == Op.FILE_SUSPEND_MODEL,
                    nieuw ^ op == Op.NEW_MODEL, null);
        }

        State broken(String file) {
            return new State(bothModels, piiBlock, purposeOn, useCaseSuspended, grootSuspended, nieuw, file);
        }
    }

    enum Op { MODELS, PII, PURPOSE, FILE_SUSPEND_USE_CASE, FILE_SUSPEND_MODEL, NEW_MODEL, BROKEN, API_SUSPEND, API_RESUME, RELOAD, PAUSE }

    /** How often each operation is drawn (a suspended use-case refuses everything: drawn less, lifted more often). */
    static final List<Op> DRAW = List.of(Op.MODELS, Op.MODELS, Op.MODELS, Op.PII, Op.PII, Op.PURPOSE, Op.PURPOSE, Op.FILE_SUSPEND_USE_CASE,
            Op.FILE_SUSPEND_MODEL, Op.FILE_SUSPEND_MODEL, Op.NEW_MODEL, Op.NEW_MODEL, Op.NEW_MODEL, Op.BROKEN, Op.BROKEN,
            Op.API_SUSPEND, Op.API_SUSPEND, Op.API_RESUME, Op.API_RESUME, Op.API_RESUME, Op.RELOAD, Op.RELOAD, Op.PAUSE);

    /** One answered request. */
    record Sent(String tenant, String model, Text text, long startNanos, long endNanos, int status, String code, String trace, String versionHeader) {
    }

    /** An API suspension answered 200 at {@code answeredNanos}; {@code liftSentNanos} when its resume was sent (else MAX). */
    static final class Switch {
        final String tenant;
        final Suspension.Kind kind;
        final String target;
        final long answeredNanos;
        volatile long liftSentNanos = Long.MAX_VALUE;

        Switch(String tenant, Suspension.Kind kind, String target, long answeredNanos) {
            this.tenant = tenant;
            this.kind = kind;
            this.target = target;
            this.answeredNanos = answeredNanos;
        }
    }

    @Autowired
    nl.dijkwacht.tenancy.Tenants tenants;

    @DynamicPropertySource
    static void tenants(DynamicPropertyRegistry registry) {
        if (!upstream.isRunning()) {
            upstream.start();
        }
        for (String tenant : EDITED) {
            Path root = newPack(tenant);
            registry.add("dijkwacht.tenants." + tenant + ".policies-dir", () -> root.resolve("policies").toString());
            registry.add("dijkwacht.tenants." + tenant + ".models-dir", () -> root.resolve("models-config").toString());
        }
        registry.add("dijkwacht.policy.poll-interval", () -> "40ms");
        registry.add("dijkwacht.limits.requests-per-minute", () -> "1000000");
    }

    // ------------------------------------------------------------------ the packs

    static String toolKey(String tenant) {
        return tenant + "-tool-key";
    }

    static String adminKey(String tenant) {
        return tenant + "-admin-key";
    }

    static Path newPack(String tenant) {
        try {
            Path root = Files.createTempDirectory("dw-reload-" + tenant);
            Files.createDirectories(root.resolve("policies/use-cases"));
            Files.createDirectories(root.resolve("models-config"));
            ROOTS.put(tenant, root);
            Files.writeString(root.resolve("policies/tools.yaml"), """
                    tools:
                      - id: %s-tool
                        key-sha256: %s
                        default-use-case: zaken
                    """.formatted(tenant, nl.dijkwacht.support.TestPack.sha256(toolKey(tenant))));
            Files.writeString(root.resolve("policies/operators.yaml"), """
                    operators:
                      - id: %s-beheerder
                        key-sha256: %s
                        roles: [admin]
                        expires: 2099-12-31
                    """.formatted(tenant, nl.dijkwacht.support.TestPack.sha256(adminKey(tenant))));
            Files.writeString(root.resolve("policies/limits.yaml"), """
                    defaults:
                      tool:
                        requests-per-minute: 1000000
                    """);
            State initial = new State(true, false, false, false, false, false, null);
            for (Map.Entry<String, String> file : files(initial).entrySet()) {
                Files.writeString(root.resolve(file.getKey()), file.getValue());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files a state decides (all of them; broken variants replace one). */
    static Map<String, String> files(State s) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("policies/use-cases/zaken.yaml", """
                id: zaken
                purpose: Zaken samenvatten
                risk-class: minimal
                %smodels: %s
                pii:
                  default: %s
                """.formatted(s.useCaseSuspended() ? "status: suspended\n" : "",
                "[snel" + (s.bothModels() ? ", groot" : "") + (s.nieuw() ? ", nieuw" : "") + "]",
                s.piiBlock() ? "block" : "pseudonymise"));
        out.put("policies/governance.yaml", s.purposeOn() ? """
                forbidden-purposes:
                  - id: zwaluw-test
                    title: Vogels tellen
                    legal-basis: Testregel
                    explanation: >-
                      Deze toepassing telt geen vogels.
                    applies-to-all: true
                    match:
                      - any:
                          - '\\bzwaluwstaart\\b'
                """ : "evaluation-overdue: refuse\n");
        out.put("models-config/snel.yaml", model("snel", false));
        out.put("models-config/groot.yaml", model("groot", s.grootSuspended()));
        if (s.nieuw()) {
            // two files in one edit: the use-case lists the model (written first), then the model's file
            out.put("models-config/nieuw.yaml", model("nieuw", false));
        }
        if (s.broken() != null) {
            out.put(s.broken(), switch (s.broken()) {
                case "policies/use-cases/zaken.yaml" -> out.get(s.broken()).replace("models: [snel", "models: [bestaat-niet, snel");
                case "policies/governance.yaml" -> """
                        forbidden-purposes:
                          - id: kapot
                            title: Kapot
                            legal-basis: Testregel
                            explanation: Kapot.
                            applies-to-all: true
                            match:
                              - any:
                                  - '(zwaluw'
                        """;
                default -> "id: groot\nprovider: [kapot\n";
            });
        }
        return out;
    }

    static String model(String id, boolean suspended) {
        return """
                id: %s
                provider: openai-compatible
                base-url: http://127.0.0.1:%d/reload/v1
                upstream-model: %s-model
                timeouts:
                  connect: 1s
                  response: 10s
                status: %s
                hosting: on-premises
                owner: Test
                next-evaluation: 2099-12-31
                data-classes: [personal-data]
                """.formatted(id, upstream.port(), id, suspended ? "suspended" : "approved");
    }

    // ------------------------------------------------------------------ the test

    @Test
    void reloadsAndKillSwitchesUnderTrafficAreEachExplainedByOneVersionOfTheTenantsOwnPack(CapturedOutput output) throws Exception {
        upstream.stubFor(post(urlEqualTo("/reload/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(Files.readString(Path.of("src/test/resources/wire/vllm/chat-completion.json")))));
        Random random = new Random(SEED);
        PolicyLoader loader = new PolicyLoader();
        Map<String, Map<String, PolicySet>> packs = new ConcurrentHashMap<>();   // tenant -> files version -> pack
        Map<String, List<List<Suspension>>> suspensionStates = new ConcurrentHashMap<>();
        Map<String, State> states = new ConcurrentHashMap<>();
        Map<String, ActivePolicy> replica = new LinkedHashMap<>();
        Map<String, PolicyWatcher> replicaWatchers = new LinkedHashMap<>();
        for (String tenant : EDITED) {
            packs.put(tenant, new ConcurrentHashMap<>());
            suspensionStates.put(tenant, new CopyOnWriteArrayList<>(List.of(List.of())));
            states.put(tenant, new State(true, false, false, false, false, false, null));
            record(loader, tenant, packs);
            Path root = ROOTS.get(tenant);
            ActivePolicy second = new ActivePolicy(loader, root.resolve("policies"), root.resolve("models-config"));
            replica.put(tenant, second);
            replicaWatchers.put(tenant, new PolicyWatcher(second, new JdbcSuspensionStore(jdbc, tenant), java.time.Duration.ZERO));
        }
        String defaultVersion = tenants.defaultTenant().policy().current().version();

        // ---- traffic
        List<Sent> sent = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            long clientSeed = SEED + c;
            clients.add(pool.submit(() -> {
                Random r = new Random(clientSeed);
                while (!stop.get()) {
                    int pick = r.nextInt(9);
                    String tenant = pick == 0 ? null : EDITED.get(pick % 2);
                    Text text = Text.values()[r.nextInt(3)];
                    String model = tenant == null ? "dry-run" : List.of("snel", "groot", "nieuw").get(r.nextInt(3));
                    String key = tenant == null ? nl.dijkwacht.support.TestPack.OTHER_TOOL_KEY : toolKey(tenant);
                    try {
                        long start = System.nanoTime();
                        HttpResponse<String> response = postJson("/v1/chat/completions", chat(model, text.text), key);
                        long end = System.nanoTime();
                        String code = response.statusCode() == 200 ? "ok" : parse(response.body()).path("error").path("code").asText();
                        sent.add(new Sent(tenant, model, text, start, end, response.statusCode(), code,
                                response.headers().firstValue("X-Dijkwacht-Trace-Id").orElse(null),
                                response.headers().firstValue("X-Dijkwacht-Policy-Version").orElse(null)));
                    } catch (Exception e) {
                        failures.add(e.getClass().getSimpleName());
                    }
                }
                return null;
            }));
        }

        // ---- the generated sequence
        Map<Op, Integer> counts = new EnumMap<>(Op.class);
        List<Switch> switches = new CopyOnWriteArrayList<>();
        Map<String, Map<String, Switch>> openSwitches = new LinkedHashMap<>();
        EDITED.forEach(t -> openSwitches.put(t, new LinkedHashMap<>()));
        int brokenRefused = 0;
        int goodAfterBroken = 0;
        List<String> problems = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            String tenant = EDITED.get(random.nextInt(EDITED.size()));
            State before = states.get(tenant);
            Op op = DRAW.get(random.nextInt(DRAW.size()));
            if (before.useCaseSuspended() && random.nextInt(3) == 0) {
                op = Op.FILE_SUSPEND_USE_CASE;
            }
            String where = "step " + step + " " + op + " " + tenant;
            counts.merge(op, 1, Integer::sum);
            switch (op) {
                case MODELS, PII, PURPOSE, FILE_SUSPEND_USE_CASE, FILE_SUSPEND_MODEL, NEW_MODEL -> {
                    State next = before.with(op);
                    boolean wasBroken = before.broken() != null;
                    write(tenant, before, next, loader, packs);
                    states.put(tenant, next);
                    if (wasBroken || random.nextBoolean()) {
                        HttpResponse<String> reload = postJson("/admin/policy/reload", "{}", adminKey(tenant));
                        check(problems, reload.statusCode() == 200, where + ": good edit reloads, got " + reload.statusCode() + " " + reload.body());
                        JsonNode status = parse(getJson("/admin/policy", adminKey(tenant)).body());
                        check(problems, status.path("last_reload_error").isNull(), where + ": no reload error after a good edit");
                        check(problems, packs.get(tenant).containsKey(filesPart(status.path("policy_version").asText())),
                                where + ": the version in force is the edited files'");
                        if (wasBroken) {
                            goodAfterBroken++;
                        }
                    }
                }
                case BROKEN -> {
                    List<String> candidates = List.of("policies/use-cases/zaken.yaml", "policies/governance.yaml", "models-config/groot.yaml");
                    State next = before.broken(candidates.get(random.nextInt(candidates.size())));
                    write(tenant, before, next, loader, packs);
                    states.put(tenant, next);
                    // once the broken file is written nothing can load: the version in force now must stay
                    String inForce = version(tenant);
                    HttpResponse<String> reload = postJson("/admin/policy/reload", "{}", adminKey(tenant));
                    check(problems, reload.statusCode() == 422, where + ": a broken edit is refused, got " + reload.statusCode());
                    JsonNode status = parse(getJson("/admin/policy", adminKey(tenant)).body());
                    check(problems, !status.path("last_reload_error").isNull()
                            && status.path("last_reload_error").toString().contains(Path.of(next.broken()).getFileName().toString()),
                            where + ": the refused reload is shown with its file: " + status.path("last_reload_error"));
                    check(problems, filesPart(status.path("policy_version").asText()).equals(filesPart(inForce)),
                            where + ": the working pack stays in force");
                    brokenRefused++;
                }
                case API_SUSPEND -> {
                    Suspension.Kind kind = random.nextInt(5) == 0 ? Suspension.Kind.USE_CASE : Suspension.Kind.MODEL;
                    String target = kind == Suspension.Kind.USE_CASE ? "zaken" : random.nextBoolean() ? "snel" : "groot";
                    String path = (kind == Suspension.Kind.USE_CASE ? "/admin/use-cases/" : "/admin/models/") + target + "/suspend";
                    HttpResponse<String> answer = postJson(path, "{\"reason\":\"test\"}", adminKey(tenant));
                    long answered = System.nanoTime();
                    check(problems, answer.statusCode() == 200, where + ": suspend answered " + answer.statusCode());
                    Switch s = new Switch(tenant, kind, target, answered);
                    switches.add(s);
                    openSwitches.get(tenant).putIfAbsent(kind.storedName() + ":" + target, s);
                    suspensionStates.get(tenant).add(apiSuspensions(tenant));
                    replicaWatchers.get(tenant).poll();
                    check(problems, replica.get(tenant).suspensions().stream().anyMatch(x -> x.kind() == kind && x.targetId().equals(target)),
                            where + ": the second replica has the suspension after one poll");
                }
                case API_RESUME -> {
                    Map<String, Switch> open = openSwitches.get(tenant);
                    if (open.isEmpty()) {
                        break;
                    }
                    List<String> keys = new ArrayList<>(open.keySet());
                    String key = keys.get(random.nextInt(keys.size()));
                    Switch s = open.remove(key);
                    // every switch of this target (a second suspend of the same target) ends with this resume
                    long liftSent = System.nanoTime();
                    switches.stream().filter(x -> x.tenant.equals(tenant) && x.kind == s.kind && x.target.equals(s.target)
                            && x.liftSentNanos == Long.MAX_VALUE).forEach(x -> x.liftSentNanos = liftSent);
                    String path = (s.kind == Suspension.Kind.USE_CASE ? "/admin/use-cases/" : "/admin/models/") + s.target + "/resume";
                    HttpResponse<String> answer = postJson(path, "{}", adminKey(tenant));
                    check(problems, answer.statusCode() == 200, where + ": resume answered " + answer.statusCode());
                    suspensionStates.get(tenant).add(apiSuspensions(tenant));
                    replicaWatchers.get(tenant).poll();
                    check(problems, replica.get(tenant).suspensions().stream().noneMatch(x -> x.kind() == s.kind && x.targetId().equals(s.target)),
                            where + ": the second replica lifted the suspension after one poll");
                }
                case RELOAD -> {
                    HttpResponse<String> reload = postJson("/admin/policy/reload", "{}", adminKey(tenant));
                    check(problems, reload.statusCode() == (before.broken() == null ? 200 : 422), where + ": reload answered " + reload.statusCode());
                }
                case PAUSE -> Thread.sleep(20 + random.nextInt(60));
            }
            // other tenants are untouched by this step: the default tenant's version; each tenant's admin view lists its own suspensions only
            check(problems, tenants.defaultTenant().policy().current().version().equals(defaultVersion), where + ": the default tenant's version never changes");
            if (op == Op.API_SUSPEND || op == Op.API_RESUME) {
                for (String t : EDITED) {
                    JsonNode listed = parse(getJson("/admin/policy", adminKey(t)).body()).path("api_suspensions");
                    check(problems, listed.size() == apiSuspensions(t).size(), where + ": " + t + " lists its own suspensions only: " + listed);
                }
            }
            Thread.sleep(random.nextInt(15));
        }
        stop.set(true);
        for (Future<?> f : clients) {
            f.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        replicaWatchers.values().forEach(PolicyWatcher::close);

        // ---- the checks
        assertThat(failures).as("requests that got no HTTP answer").isEmpty();
        assertThat(problems).as("admin API and reload checks").isEmpty();
        Map<String, Map<String, Object>> records = records(sent);
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        for (Sent r : sent) {
            String what = r.tenant() + " " + r.model() + " " + r.text() + " → " + r.status() + " " + r.code();
            outcomes.merge((r.tenant() == null ? "default" : "edited") + " " + r.code(), 1, Integer::sum);
            if (r.status() >= 500) {
                wrong.add("5xx: " + what);
            }
            Map<String, Object> record = records.get(r.trace());
            if (record == null) {
                wrong.add("no audit record: " + what);
                continue;
            }
            String version = (String) record.get("POLICY_VERSION");
            versionsSeen.add(version);
            if (r.versionHeader() != null && !r.versionHeader().equals(version)) {
                wrong.add("header version " + r.versionHeader() + " ≠ record " + version + ": " + what);
            }
            String tenant = r.tenant() == null ? "gemeente" : r.tenant();
            if (!tenant.equals(record.get("TENANT"))) {
                wrong.add("record of tenant " + record.get("TENANT") + ": " + what);
            }
            if (r.tenant() == null) {
                // test-beperkt: pseudonymise nothing, block personal data (support.TestPack); no forbidden purposes
                if (!version.equals(defaultVersion) || !r.code().equals(r.text() == Text.PII ? "personal_data_blocked" : "ok")) {
                    wrong.add("default tenant judged by " + version + ": " + what);
                }
                continue;
            }
            for (String other : EDITED) {
                if (!other.equals(r.tenant()) && packs.get(other).containsKey(filesPart(version))) {
                    wrong.add("another tenant's version " + version + ": " + what);
                }
            }
            PolicySet judge = explaining(packs.get(r.tenant()), suspensionStates.get(r.tenant()), version);
            if (judge == null) {
                wrong.add("version " + version + " is no pack the tenant's files ever were: " + what);
                continue;
            }
            String expected = decide(judge, r.model(), r.text());
            String actualCode = r.status() == 200 ? "ok" : String.valueOf(record.get("ERROR_CODE"));
            if (!expected.equals(actualCode) || !expected.equals(r.code())) {
                wrong.add("version " + version + " decides " + expected + ": " + what + " (record " + actualCode + ")");
            }
        }
        for (Switch s : switches) {
            for (Sent r : sent) {
                boolean targeted = s.tenant.equals(r.tenant()) && (s.kind == Suspension.Kind.USE_CASE || s.target.equals(r.model()));
                if (targeted && r.startNanos() > s.answeredNanos && r.endNanos() < s.liftSentNanos && r.status() == 200) {
                    wrong.add("answered 200 after the suspension of " + s.kind.storedName() + " " + s.target + " was answered 200 ("
                            + TimeUnit.NANOSECONDS.toMillis(r.startNanos() - s.answeredNanos) + " ms later): " + r.trace());
                }
            }
        }
        for (Text t : Text.values()) {
            assertThat(output.getAll()).as("prompt text in the log").doesNotContain(t.text.substring(0, 30));
        }
        assertThat(output.getAll()).doesNotContain("jan.devries");
        System.out.printf("reload28: %d steps %s; %d requests %s; %d versions in records (%d file versions kept); "
                        + "%d broken edits refused, %d good edits loaded after one; %d API suspensions%n",
                STEPS, counts, sent.size(), outcomes, versionsSeen.size(),
                packs.values().stream().mapToInt(Map::size).sum(), brokenRefused, goodAfterBroken, switches.size());
        assertThat(wrong).as("requests not explained by the version their record names").isEmpty();
        assertThat(sent.size()).isGreaterThan(100);
        assertThat(outcomes.keySet()).as("the edits changed outcomes").hasSizeGreaterThan(4);
        assertThat(brokenRefused).isPositive();
        assertThat(switches).isNotEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** What the pack decides for this request, in the pipeline's order (use-case, purpose, model, PII). */
    static String decide(PolicySet set, String model, Text text) {
        UseCasePolicy useCase = set.useCase("zaken").orElseThrow();
        if (useCase.suspended()) {
            return "use_case_suspended";
        }
        if (text == Text.PURPOSE && set.governance().forbiddenPurposes().stream().anyMatch(p -> p.id().equals("zwaluw-test"))) {
            return "forbidden_purpose";
        }
        ModelDefinition m = set.catalog().find(model).orElse(null);
        if (m == null) {
            return "model_not_found";
        }
        if (!useCase.allowsModel(model)) {
            return "model_not_allowed";
        }
        if (!m.governance().status().usable()) {
            return "model_suspended";
        }
        if (text == Text.PII && useCase.pii().operatorFor(EntityType.EMAIL) == Operator.BLOCK) {
            return "personal_data_blocked";
        }
        return "ok";
    }

    /** The pack a version names: its files' pack, with the API suspensions whose hash follows the '+'. */
    static PolicySet explaining(Map<String, PolicySet> packs, List<List<Suspension>> suspensionStates, String version) {
        PolicySet files = packs.get(filesPart(version));
        if (files == null) {
            return null;
        }
        if (!version.contains("+")) {
            return files;
        }
        for (List<Suspension> state : suspensionStates) {
            PolicySet composed = ActivePolicy.compose(files, state);
            if (composed.version().equals(version)) {
                return composed;
            }
        }
        return null;
    }

    static String filesPart(String version) {
        int plus = version.indexOf('+');
        return plus < 0 ? version : version.substring(0, plus);
    }

    private static void check(List<String> problems, boolean ok, String what) {
        if (!ok) {
            problems.add(what);
        }
    }

    private String version(String tenant) throws Exception {
        return parse(getJson("/admin/policy", adminKey(tenant)).body()).path("policy_version").asText();
    }

    private List<Suspension> apiSuspensions(String tenant) {
        return new JdbcSuspensionStore(jdbc, tenant).all();
    }

    /**
     * Writes the files that differ between two states, each by an atomic move (an editor's save or a ConfigMap swap),
     * and keeps the pack of every state the directories pass through that loads.
     */
    private static void write(String tenant, State from, State to, PolicyLoader loader, Map<String, Map<String, PolicySet>> packs) throws IOException {
        Path root = ROOTS.get(tenant);
        Map<String, String> old = files(from);
        for (Map.Entry<String, String> file : files(to).entrySet()) {
            if (file.getValue().equals(old.get(file.getKey()))) {
                continue;
            }
            Path target = root.resolve(file.getKey());
            Path tmp = target.resolveSibling(".tmp-" + target.getFileName());
            Files.writeString(tmp, file.getValue());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            record(loader, tenant, packs);
        }
        for (String file : old.keySet()) {
            if (!files(to).containsKey(file)) {
                Files.delete(root.resolve(file));
                record(loader, tenant, packs);
            }
        }
    }

    private static void record(PolicyLoader loader, String tenant, Map<String, Map<String, PolicySet>> packs) {
        Path root = ROOTS.get(tenant);
        try {
            PolicySet set = loader.load(root.resolve("policies"), root.resolve("models-config"));
            packs.get(tenant).put(set.version(), set);
        } catch (PolicyLoadException e) {
            // a broken state: no pack to keep
        }
    }

    /** The audit records of the answered requests (written behind the answer: waits until all are there). */
    private Map<String, Map<String, Object>> records(List<Sent> sent) throws InterruptedException {
        Map<String, Map<String, Object>> out = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            for (Map<String, Object> row : jdbc.queryForList("SELECT trace_id, tenant, policy_version, error_code, http_status FROM audit_record")) {
                out.put((String) row.get("TRACE_ID"), row);
            }
            if (sent.stream().allMatch(s -> s.trace() == null || out.containsKey(s.trace())) || System.nanoTime() > deadline) {
                return out;
            }
            Thread.sleep(100);
        }
    }
}
