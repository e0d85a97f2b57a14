package nl.dijkwacht.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A policy pack on disk for tests: copies of the default pack (../policies, ../models-config) or a small pack
 * with two HTTP models pointing at a test upstream. Files can be rewritten to simulate an administrator's edit.
 */
public final class TestPack {

    public static final Path DEFAULT_POLICIES = Path.of("../policies");
    public static final Path DEFAULT_MODELS = Path.of("../models-config");

    public final Path policies;
    public final Path models;

    private TestPack(Path root) {
        this.policies = root.resolve("policies");
        this.models = root.resolve("models-config");
    }

    /** A copy of the default pack in {@code root}. */
    public static TestPack copyOfDefault(Path root) {
        TestPack pack = new TestPack(root);
        copyTree(DEFAULT_POLICIES, pack.policies);
        copyTree(DEFAULT_MODELS, pack.models);
        return pack;
    }

    /**
     * A small pack: models {@code extern} (eu-cloud, no personal data, fallbacks [lokaal]), {@code lokaal}
     * (on-premises, personal data and special categories, fallbacks [dry-run]), {@code reserve} (eu-cloud, never a
     * fallback of anything) and {@code dry-run}; use-cases {@code schrijven} (pseudonymise, models extern, lokaal,
     * dry-run), {@code gevoelig} (keeps e-mail addresses: EMAIL allow; models extern, lokaal) and {@code alleen-extern}
     * (keeps e-mail, models extern, reserve: no model may receive it).
     */
    public static TestPack small(Path root, String upstreamBaseUrl) {
        TestPack pack = new TestPack(root);
        try {
            Files.createDirectories(pack.policies.resolve("use-cases"));
            Files.createDirectories(pack.models);
            Files.copy(DEFAULT_POLICIES.resolve("operators.yaml"), pack.policies.resolve("operators.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(DEFAULT_POLICIES.resolve("governance.yaml"), pack.policies.resolve("governance.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pack.write("policies/tools.yaml", """
                tools:
                  - id: dev-cli
                    key-sha256: e25ab0b61d7b97f7730c2f3468ff14a67095b0f40ff0a35ff3043f87016438bb
                    default-use-case: schrijven
                    use-cases: [schrijven, gevoelig, alleen-extern, afdeling]
                    trusted-identity-headers: true
                """);
        pack.write("policies/use-cases/schrijven.yaml", """
                id: schrijven
                purpose: Teksten schrijven voor inwoners (test).
                risk-class: limited
                models: [extern, lokaal, dry-run]
                pii:
                  default: pseudonymise
                  entities:
                    BSN: redact
                disclaimer: "Variant A (model {model}). Traceercode: {trace_id}"
                human-review-required: true
                audit:
                  content-retention-days: 7
                """);
        pack.write("policies/use-cases/gevoelig.yaml", """
                id: gevoelig
                purpose: Werk waarbij e-mailadressen in de tekst blijven (test).
                risk-class: limited
                models: [extern, lokaal]
                pii:
                  default: pseudonymise
                  entities:
                    EMAIL: allow
                """);
        pack.write("policies/use-cases/alleen-extern.yaml", """
                id: alleen-extern
                purpose: Werk met e-mailadressen maar zonder lokaal model (test).
                risk-class: minimal
                models: [extern, reserve]
                pii:
                  entities:
                    EMAIL: allow
                """);
        pack.write("policies/use-cases/afdeling.yaml", """
                id: afdeling
                purpose: Alleen voor Burgerzaken met rol jurist (test).
                risk-class: high
                human-review-required: true
                allowed:
                  departments: [Burgerzaken]
                  roles: [jurist]
                models: [dry-run]
                """);
        pack.write("models-config/extern.yaml", """
                id: extern
                provider: openai-compatible
                base-url: %s/extern/v1
                upstream-model: groot-model
                status: approved
                hosting: eu-cloud
                processor-agreement: VWO-TEST
                no-training: true
                owner: Test
                next-evaluation: 2099-12-31
                data-classes: []
                energy-wh-per-1k-tokens: 2.0
                fallbacks: [lokaal]
                """.formatted(upstreamBaseUrl));
        pack.write("models-config/lokaal.yaml", """
                id: lokaal
                provider: openai-compatible
                base-url: %s/lokaal/v1
                upstream-model: klein-model
                status: approved
                hosting: on-premises
                no-training: true
                owner: Test
                next-evaluation: 2099-12-31
                data-classes: [personal-data, special-category]
                fallbacks: [dry-run]
                """.formatted(upstreamBaseUrl));
        pack.write("models-config/reserve.yaml", """
                id: reserve
                provider: openai-compatible
                base-url: %s/reserve/v1
                upstream-model: reserve-model
                status: approved
                hosting: eu-cloud
                processor-agreement: VWO-TEST-RESERVE
                owner: Test
                next-evaluation: 2099-12-31
                data-classes: []
                """.formatted(upstreamBaseUrl));
        pack.write("models-config/dry-run.yaml", """
                id: dry-run
                provider: dry-run
                status: approved
                hosting: on-premises
                owner: Test
                next-evaluation: 2099-12-31
                data-classes: [personal-data, special-category]
                """);
        return pack;
    }

    /** Writes a file relative to the pack root ({@code policies/...} or {@code models-config/...}). */
    public TestPack write(String relative, String content) {
        Path file = policies.getParent().resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, content);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String read(String relative) {
        try {
            return Files.readString(policies.getParent().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestPack replace(String relative, String from, String to) {
        String content = read(relative);
        if (!content.contains(from)) {
            throw new IllegalArgumentException(relative + " does not contain '" + from + "'");
        }
        return write(relative, content.replace(from, to));
    }

    public TestPack delete(String relative) {
        try {
            Files.delete(policies.getParent().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public PolicySet load() {
        return new PolicyLoader().load(policies, models);
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
