package nl.dijkwacht.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a small policy pack and model catalogue into a temporary directory, with model upstreams pointing at
 * the test's WireMock server. Tools: {@code test-tool} ({@link #TOOL_KEY}, trusted with identity headers),
 * {@code other-tool} ({@link #OTHER_TOOL_KEY}, not trusted) and {@code token-tool} (no key: known by the client id
 * {@link #TOKEN_TOOL_CLIENT} of its users' tokens). Use-cases "test-algemeen" (models: upstream, slow, dead,
 * dry-run, ...), "test-beperkt" (dry-run only) and "test-juridisch" (dry-run, department Juridische Zaken only).
 * Operators: {@link #ADMIN_KEY}, {@link #AUDITOR_KEY} and {@link #EXPIRED_ADMIN_KEY} (expired in 2020).
 * For the request fields (issue 9): "test-velden" (models extern — eu-cloud, no personal data — and upstream;
 * forwards metadata key zaaknummer), "test-bijlagen" (attachments: allow) and "test-bijlagen-lokaal" (attachments:
 * on-premises-only), both with models extern, extern-pd (eu-cloud, personal data, provider-storage: allowed) and upstream
 * (on-premises).
 * For the answer's way back (rewrite27): "test-antwoord" ({@code pii.output: redact}) and "test-antwoord-tellen"
 * ({@code flag}) with models upstream, azure (Azure OpenAI, deployment gpt-4o-mini-prod), mistral and claude.
 */
public final class TestPack {

    public static final String TOOL_KEY = "test-tool-key";
    public static final String OTHER_TOOL_KEY = "test-other-tool-key";
    public static final String TOKEN_TOOL_CLIENT = "dijkwacht-word";
    public static final String ADMIN_KEY = "test-admin-key";
    public static final String AUDITOR_KEY = "test-auditor-key";
    public static final String EXPIRED_ADMIN_KEY = "test-expired-admin-key";

    private final Path root;

    private TestPack(Path root) {
        this.root = root;
    }

    public static TestPack create(int upstreamPort, int deadPort) {
        try {
            Path root = Files.createTempDirectory("dijkwacht-testpack");
            Path policies = Files.createDirectories(root.resolve("policies/use-cases"));
            Path models = Files.createDirectories(root.resolve("models-config"));
            Files.writeString(root.resolve("policies/tools.yaml"), """
                    tools:
                      - id: test-tool
                        key-sha256: %s
                        default-use-case: test-algemeen
                        use-cases: [test-beperkt, test-juridisch, test-velden, test-bijlagen, test-bijlagen-lokaal, test-antwoord, test-antwoord-tellen]
                        trusted-identity-headers: true
                      - id: other-tool
                        key-sha256: %s
                        default-use-case: test-beperkt
                        use-cases: [test-juridisch]
                      - id: token-tool
                        oidc-client-ids: [%s]
                        default-use-case: test-beperkt
                    """.formatted(sha256(TOOL_KEY), sha256(OTHER_TOOL_KEY), TOKEN_TOOL_CLIENT));
            Files.writeString(root.resolve("policies/operators.yaml"), """
                    operators:
                      - id: test-beheerder
                        key-sha256: %s
                        roles: [admin]
                        expires: 2099-12-31
                      - id: test-auditor
                        key-sha256: %s
                        roles: [auditor]
                        expires: 2099-12-31
                      - id: oud-beheerder
                        key-sha256: %s
                        roles: [admin]
                        expires: 2020-01-31
                    """.formatted(sha256(ADMIN_KEY), sha256(AUDITOR_KEY), sha256(EXPIRED_ADMIN_KEY)));
            Files.writeString(policies.resolve("test-juridisch.yaml"), """
                    id: test-juridisch
                    purpose: Tests voor een afdelingsgebonden toepassing
                    risk-class: minimal
                    allowed:
                      departments: [Juridische Zaken]
                    models: [dry-run]
                    """);
            Files.writeString(policies.resolve("test-algemeen.yaml"), """
                    id: test-algemeen
                    purpose: Tests
                    risk-class: minimal
                    models: [upstream, slow, dead, dry-run, claude, garbage, stall]
                    pii:
                      default: pseudonymise
                      output: redact
                      entities:
                        IBAN: redact
                    disclaimer: "AI-tekst ({model}), trace {trace_id}"
                    """);
            Files.writeString(policies.resolve("test-beperkt.yaml"), """
                    id: test-beperkt
                    purpose: Tests met alleen de droogtest
                    risk-class: minimal
                    models: [dry-run]
                    pii:
                      default: block
                    """);
            // issue 9: a model outside the premises that may receive no personal data, and use-cases for the request fields
            Files.writeString(policies.resolve("test-velden.yaml"), """
                    id: test-velden
                    purpose: Tests van alle velden van een verzoek
                    risk-class: minimal
                    models: [extern, upstream]
                    pii:
                      default: pseudonymise
                      entities:
                        BSN: redact
                    forward-metadata: [zaaknummer]
                    """);
            Files.writeString(policies.resolve("test-bijlagen.yaml"), """
                    id: test-bijlagen
                    purpose: Tests met bijlagen
                    risk-class: minimal
                    models: [extern, extern-pd, upstream]
                    attachments: allow
                    """);
            Files.writeString(policies.resolve("test-bijlagen-lokaal.yaml"), """
                    id: test-bijlagen-lokaal
                    purpose: Tests met bijlagen die het pand niet verlaten
                    risk-class: minimal
                    models: [extern, extern-pd, upstream]
                    attachments: on-premises-only
                    """);
            // the way back (rewrite27): every provider's wire format, output redacted or only counted
            for (String[] answer : new String[][] {{"test-antwoord", "redact"}, {"test-antwoord-tellen", "flag"}}) {
                Files.writeString(policies.resolve(answer[0] + ".yaml"), """
                        id: %s
                        purpose: Tests van de weg terug
                        risk-class: minimal
                        models: [upstream, azure, mistral, claude]
                        pii:
                          default: pseudonymise
                          output: %s
                        disclaimer: "AI-tekst ({model}), trace {trace_id}"
                        """.formatted(answer[0], answer[1]));
            }
            Files.writeString(models.resolve("extern.yaml"), euCloudModel("extern", upstreamPort, "[]"));
            Files.writeString(models.resolve("extern-pd.yaml"), euCloudModel("extern-pd", upstreamPort, "[personal-data]")
                    // leftover28: the one model whose provider may keep a completion (store: true)
                    + "provider-storage: allowed\n");
            String base = "http://127.0.0.1:" + upstreamPort + "/v1";
            Files.writeString(models.resolve("upstream.yaml"), model("upstream", "openai-compatible", base, "echo-7b", "10s", "TEST_UPSTREAM_KEY"));
            Files.writeString(models.resolve("slow.yaml"), model("slow", "openai-compatible", base + "/slow", "slow-model", "500ms", null));
            Files.writeString(models.resolve("garbage.yaml"), model("garbage", "openai-compatible", base + "/garbage", "garbage-model", "2s", null));
            Files.writeString(models.resolve("dead.yaml"), model("dead", "openai-compatible", "http://127.0.0.1:" + deadPort + "/v1", "dead-model", "2s", null));
            Files.writeString(models.resolve("claude.yaml"), model("claude", "anthropic", base + "/anthropic/v1", "claude-test", "10s", "TEST_ANTHROPIC_KEY"));
            Files.writeString(models.resolve("azure.yaml"), """
                    id: azure
                    provider: azure-openai
                    base-url: %s/azure/openai
                    upstream-model: gpt-4o-mini-2024-07-18
                    azure:
                      deployment: gpt-4o-mini-prod
                      api-version: 2024-10-21
                    timeouts:
                      connect: 1s
                      response: 10s
                    """.formatted(base) + GOVERNANCE);
            Files.writeString(models.resolve("mistral.yaml"), model("mistral", "mistral", base + "/mistral/v1", "mistral-large-latest", "10s", null));
            Files.writeString(models.resolve("stall.yaml"), """
                    id: stall
                    provider: openai-compatible
                    base-url: %s/stall
                    upstream-model: stall-model
                    timeouts:
                      connect: 1s
                      response: 5s
                      stream-idle: 400ms
                    """.formatted(base) + GOVERNANCE);
            Files.writeString(models.resolve("dry-run.yaml"), "id: dry-run\nprovider: dry-run\n" + GOVERNANCE);
            return new TestPack(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String model(String id, String provider, String baseUrl, String upstreamModel, String timeout, String keyEnv) {
        return "id: " + id + "\nprovider: " + provider + "\nbase-url: " + baseUrl + "\nupstream-model: " + upstreamModel
                + "\ntimeouts:\n  connect: 1s\n  response: " + timeout + "\n"
                + (keyEnv == null ? "" : "api-key-env: " + keyEnv + "\n") + GOVERNANCE;
    }

    /** A model in the EU cloud with a processor agreement, at {@code /<id>/v1} of the upstream. */
    private static String euCloudModel(String id, int upstreamPort, String dataClasses) {
        return """
                id: %s
                provider: openai-compatible
                base-url: http://127.0.0.1:%d/%s/v1
                upstream-model: %s-model
                timeouts:
                  connect: 1s
                  response: 2s
                status: approved
                hosting: eu-cloud
                processor-agreement: VWO-TEST
                no-training: true
                owner: Test
                next-evaluation: 2099-12-31
                data-classes: %s
                """.formatted(id, upstreamPort, id, id, dataClasses);
    }

    /** The governance record every model needs (issue 4): approved, on-premises, may receive personal data. */
    private static final String GOVERNANCE = """
            status: approved
            hosting: on-premises
            owner: Test
            next-evaluation: 2099-12-31
            data-classes: [personal-data, special-category]
            """;

    public Path policies() {
        return root.resolve("policies");
    }

    public Path models() {
        return root.resolve("models-config");
    }

    public Path dataDir() {
        return root.resolve("data");
    }

    public static String sha256(String key) {
        return nl.dijkwacht.identity.CallerAuthenticator.sha256(key);
    }
}
