package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of error an administrator can make in a policy or catalogue file is reported with file, line and
 * field — and nothing is loaded. Each case edits a copy of the default pack.
 */
class PolicyValidationErrorsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                // --- YAML itself
                c("YAML syntax", "policies/use-cases/algemene-vragen.yaml", 4, null, "geen geldige YAML",
                        p -> p.write("policies/use-cases/algemene-vragen.yaml", "id: algemene-vragen\npurpose: x\nmodels: [dry-run\nrisk-class: limited\n")),
                c("empty file", "models-config/eu-groot.yaml", 1, null, "leeg",
                        p -> p.write("models-config/eu-groot.yaml", "# nothing here\n")),
                // --- use-case schema
                c("unknown field", "policies/use-cases/brieven-opstellen.yaml", 7, "risk_class", "onbekend veld",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "risk-class: limited", "risk-class: limited\nrisk_class: limited")),
                c("missing required field", "policies/use-cases/brieven-opstellen.yaml", 3, "purpose", "verplicht veld ontbreekt",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml",
                                "purpose: Concepten van brieven aan inwoners opstellen, die een medewerker controleert en verstuurt.\n", "")),
                c("wrong enum value", "policies/use-cases/brieven-opstellen.yaml", 6, "risk-class", "opsomming",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "risk-class: limited", "risk-class: hoog")),
                c("wrong type", "policies/use-cases/brieven-opstellen.yaml", 15, "human-review-required", "boolean",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "human-review-required: true", "human-review-required: misschien")),
                c("empty model list", "policies/use-cases/brieven-opstellen.yaml", 7, "models", "minstens 1",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "models: [eu-groot, lokaal-klein, dry-run]", "models: []")),
                c("unknown entity type", "policies/use-cases/brieven-opstellen.yaml", 12, "pii.entities.BANKREKENING", "BANKREKENING",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "    IBAN: redact", "    BANKREKENING: redact")),
                c("unknown operator", "policies/use-cases/brieven-opstellen.yaml", 11, "pii.entities.BSN", "opsomming",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "BSN: redact", "BSN: weglakken")),
                c("negative retention", "policies/use-cases/brieven-opstellen.yaml", 17, "audit.content-retention-days", "minimumwaarde",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "content-retention-days: 7", "content-retention-days: -1")),
                c("ai-literacy value", "policies/use-cases/brieven-opstellen.yaml", 7, "ai-literacy", "opsomming",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "risk-class: limited", "risk-class: limited\nai-literacy: verplicht")),
                c("ai-literacy without a training url", "policies/use-cases/brieven-opstellen.yaml", 7, "ai-literacy", "training-url",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "risk-class: limited", "risk-class: limited\nai-literacy: required")),
                c("ai-literacy registry with an e-mail address", "policies/ai-literacy.yaml", 2, "trained[0].pseudonym", "",
                        p -> p.write("policies/ai-literacy.yaml", "trained:\n  - pseudonym: jan.jansen@gemeente.nl\n    date: 2026-01-01\n")),
                c("ai-literacy registry date", "policies/ai-literacy.yaml", 3, "trained[0].date", "",
                        p -> p.write("policies/ai-literacy.yaml", "trained:\n  - user-sha256: " + "ab".repeat(32) + "\n    date: 01-02-2026\n")),
                c("high risk without human review", "policies/use-cases/algemene-vragen.yaml", 5, "risk-class", "human-review-required: true",
                        p -> p.replace("policies/use-cases/algemene-vragen.yaml", "risk-class: limited", "risk-class: high")),
                // --- model schema
                c("model status", "models-config/eu-groot.yaml", 16, "status", "opsomming",
                        p -> p.replace("models-config/eu-groot.yaml", "status: approved", "status: goedgekeurd")),
                c("evaluation date format", "models-config/eu-groot.yaml", 24, "next-evaluation", "regex",
                        p -> p.replace("models-config/eu-groot.yaml", "next-evaluation: 2027-01-31", "next-evaluation: 31-01-2027")),
                c("impossible date", "models-config/eu-groot.yaml", 24, "next-evaluation", "geen geldige datum",
                        p -> p.replace("models-config/eu-groot.yaml", "next-evaluation: 2027-01-31", "next-evaluation: 2027-02-31")),
                c("duration", "models-config/eu-groot.yaml", 14, "timeouts.response", "regex",
                        p -> p.replace("models-config/eu-groot.yaml", "response: 120s", "response: twee minuten")),
                c("base-url required for http providers", "models-config/eu-groot.yaml", 6, "base-url", "verplicht",
                        p -> p.replace("models-config/eu-groot.yaml", "base-url: https://api.mistral.ai/v1\n", "")),
                c("unknown data class", "models-config/eu-groot.yaml", 25, "data-classes[0]", "opsomming",
                        p -> p.replace("models-config/eu-groot.yaml", "data-classes: []", "data-classes: [medisch]")),
                c("special category only on-premises", "models-config/eu-groot.yaml", 25, "data-classes", "on-premises",
                        p -> p.replace("models-config/eu-groot.yaml", "data-classes: []", "data-classes: [special-category]")),
                c("no personal data outside the EU", "models-config/claude-extern.yaml", 16, "data-classes", "buiten de EU",
                        p -> p.replace("models-config/claude-extern.yaml", "data-classes: []", "data-classes: [personal-data]")),
                c("EU cloud with personal data needs no-training", "models-config/eu-groot.yaml", 19, "no-training", "no-training: true",
                        p -> p.replace("models-config/eu-groot.yaml", "data-classes: []", "data-classes: [personal-data]")
                                .replace("models-config/eu-groot.yaml", "no-training: true", "no-training: false")),
                c("unknown fallback", "models-config/eu-groot.yaml", 27, "fallbacks[0]", "niet in models-config",
                        p -> p.replace("models-config/eu-groot.yaml", "fallbacks: [lokaal-klein, dry-run]", "fallbacks: [lokaal-groot, dry-run]")),
                c("own fallback", "models-config/eu-groot.yaml", 27, "fallbacks[1]", "eigen terugvaloptie",
                        p -> p.replace("models-config/eu-groot.yaml", "fallbacks: [lokaal-klein, dry-run]", "fallbacks: [lokaal-klein, eu-groot]")),
                c("duplicate model id", "models-config/lokaal-klein.yaml", 4, "id", "staat ook in",
                        p -> p.replace("models-config/lokaal-klein.yaml", "id: lokaal-klein", "id: eu-groot")
                                .replace("policies/use-cases/woo-lakken.yaml", "models: [lokaal-klein, dry-run]", "models: [eu-groot, dry-run]")
                                .replace("policies/use-cases/algemene-vragen.yaml", "[eu-groot, lokaal-klein, dry-run]", "[eu-groot, dry-run]")
                                .replace("policies/use-cases/brieven-opstellen.yaml", "[eu-groot, lokaal-klein, dry-run]", "[eu-groot, dry-run]")
                                .replace("policies/use-cases/documenten-samenvatten.yaml", "[eu-groot, lokaal-klein, dry-run]", "[eu-groot, dry-run]")
                                .replace("models-config/eu-groot.yaml", "fallbacks: [lokaal-klein, dry-run]", "fallbacks: [dry-run]")),
                // --- references between files
                c("use-case names unknown model", "policies/use-cases/algemene-vragen.yaml", 6, "models[1]", "niet in models-config",
                        p -> p.replace("policies/use-cases/algemene-vragen.yaml", "[eu-groot, lokaal-klein, dry-run]", "[eu-groot, gpt-5, dry-run]")),
                c("duplicate use-case id", "policies/use-cases/woo-lakken.yaml", 5, "id", "staat ook in",
                        p -> p.replace("policies/use-cases/woo-lakken.yaml", "id: woo-lakken", "id: brieven-opstellen")
                                .replace("policies/tools.yaml", ", woo-lakken]", "]")),
                c("tool names unknown use-case", "policies/tools.yaml", 11, "tools[0].use-cases[1]", "niet in use-cases",
                        p -> p.replace("policies/tools.yaml", "use-cases: [brieven-opstellen, algemene-vragen", "use-cases: [brieven-opstellen, vergunningen")),
                c("unknown default use-case", "policies/tools.yaml", 10, "tools[0].default-use-case", "niet in use-cases",
                        p -> p.replace("policies/tools.yaml", "default-use-case: algemene-vragen", "default-use-case: alles")),
                c("key hash not sha-256", "policies/tools.yaml", 9, "tools[0].key-sha256", "regex",
                        p -> p.replace("policies/tools.yaml", "key-sha256: e25ab0b6", "key-sha256: dw-dev-alleen-lokaal-")),
                c("use-case forbids unknown purpose", "policies/use-cases/brieven-opstellen.yaml", 14, "forbidden-purposes[0]", "niet in governance.yaml",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "special-category-allowed: false",
                                "special-category-allowed: false\nforbidden-purposes: [waarzeggen]")),
                c("allowed tool unknown", "policies/use-cases/brieven-opstellen.yaml", 8, "allowed.tools[0]", "niet in tools.yaml",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "risk-class: limited", "risk-class: limited\nallowed:\n  tools: [word-addin]")),
                // --- where personal data may go (issue 9 item 6)
                c("pii default allow to a model outside the premises", "policies/use-cases/woo-lakken.yaml", 13, "pii.default",
                        "niet on-premises (hosting: eu-cloud)",
                        p -> p.replace("policies/use-cases/woo-lakken.yaml", "models: [lokaal-klein, dry-run]", "models: [lokaal-klein, eu-groot, dry-run]")),
                c("pseudonymise for a model without processor agreement", "policies/use-cases/algemene-vragen.yaml", 6, "models[0]",
                        "geen verwerkersovereenkomst",
                        p -> p.replace("models-config/eu-groot.yaml", "processor-agreement: VWO-2026-011 Mistral AI SAS\n", "")),
                // --- governance.yaml
                c("overdue action", "policies/governance.yaml", 4, "evaluation-overdue", "opsomming",
                        p -> p.replace("policies/governance.yaml", "evaluation-overdue: refuse", "evaluation-overdue: negeren")),
                c("bad regular expression", "policies/governance.yaml", 24, "forbidden-purposes[0].match[0].any[0]", "reguliere expressie",
                        p -> p.replace("policies/governance.yaml", "'\\b(beslis|besluit|bepaal|beoordeel|concludeer|adviseer)\\s+(of|welke|wie)\\b'", "'(beslis'")),
                c("purpose without explanation", "policies/governance.yaml", 15, "forbidden-purposes[0].explanation", "verplicht",
                        p -> p.replace("policies/governance.yaml", "    explanation: >-\n      AI mag niet beslissen of beoordelen", "    uitleg: >-\n      AI mag niet beslissen of beoordelen")),
                // --- operators.yaml
                c("operator role", "policies/operators.yaml", 12, "operators[0].roles[0]", "opsomming",
                        p -> p.replace("policies/operators.yaml", "roles: [admin]", "roles: [beheerder]")),
                c("operator with both roles", "policies/operators.yaml", 12, "operators[0].roles", "functiescheiding",
                        p -> p.replace("policies/operators.yaml", "roles: [admin]", "roles: [admin, auditor]")),
                c("operator key without expiry", "policies/operators.yaml", 9, "operators[0].expires", "verplicht",
                        p -> p.replace("policies/operators.yaml", "    roles: [admin]\n    expires: 2099-12-31\n", "    roles: [admin]\n")),
                c("operator expiry not a date", "policies/operators.yaml", 13, "operators[0].expires", "datum",
                        p -> p.replace("policies/operators.yaml", "expires: 2099-12-31\n  - id: dev-auditor", "expires: 2099-13-45\n  - id: dev-auditor")),
                // --- limits.yaml
                c("tool without its own cap", "policies/limits.yaml", 21, "defaults.tool.requests-per-minute", "verplicht veld ontbreekt",
                        p -> p.replace("policies/limits.yaml", "    requests-per-minute: 1200 ", "    tokens-per-day: 1200 ")),
                c("limit not a number", "policies/limits.yaml", 17, "defaults.user.tokens-per-day", "",
                        p -> p.replace("policies/limits.yaml", "tokens-per-day: 200000\n", "tokens-per-day: veel\n")),
                c("unknown limit kind", "policies/limits.yaml", 16, "defaults.user.requests-per-hour", "onbekend veld",
                        p -> p.replace("policies/limits.yaml", "    requests-per-minute: 60\n", "    requests-per-hour: 60\n")),
                c("unknown scope", "policies/limits.yaml", 19, "defaults.afdeling", "onbekend veld",
                        p -> p.replace("policies/limits.yaml", "  department:\n    tokens-per-day: 2000000", "  afdeling:\n    tokens-per-day: 2000000")),
                c("override for an unknown use-case", "policies/limits.yaml", 28, "overrides.use-case.samenvatten", "staat niet in use-cases/",
                        p -> p.replace("policies/limits.yaml", "    documenten-samenvatten:", "    samenvatten:")),
                c("unknown time zone", "policies/limits.yaml", 6, "time-zone", "onbekende tijdzone",
                        p -> p.replace("policies/limits.yaml", "time-zone: Europe/Amsterdam", "time-zone: Europe/Zaandam")),
                // --- YAML features a policy file may not use, numbers out of range (policy27; before: loaded with
                // another meaning, a Java exception, or an English parser message without its line)
                c("alias", "policies/use-cases/brieven-opstellen.yaml", 5, "purpose", "verwijzing naar een anker (*titel)",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "title: Brieven", "title: &titel Brieven")
                                .replace("policies/use-cases/brieven-opstellen.yaml",
                                        "purpose: Concepten van brieven aan inwoners opstellen, die een medewerker controleert en verstuurt.", "purpose: *titel")),
                c("java tag", "policies/use-cases/brieven-opstellen.yaml", 4, "title", "YAML-tag '!!java.net.URL' wordt niet ondersteund",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "title: Brieven aan inwoners opstellen",
                                "title: !!java.net.URL [\"http://127.0.0.1:9/\"]")),
                c("second document", "policies/use-cases/brieven-opstellen.yaml", 19, null, "meer dan één YAML-document",
                        p -> p.write("policies/use-cases/brieven-opstellen.yaml", p.read("policies/use-cases/brieven-opstellen.yaml") + "---\nrisk-class: high\n")),
                c("key twice", "policies/use-cases/brieven-opstellen.yaml", 18, "risk-class", "staat twee keer",
                        p -> p.write("policies/use-cases/brieven-opstellen.yaml", p.read("policies/use-cases/brieven-opstellen.yaml") + "risk-class: high\n")),
                c("tab", "policies/use-cases/brieven-opstellen.yaml", 17, null, "tab-teken; spring in met spaties",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "  content-retention-days: 7", "\tcontent-retention-days: 7")),
                c("control character", "policies/use-cases/brieven-opstellen.yaml", 4, null, "stuurteken",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "title: Brieven", "title: Brieven\u0000")),
                c("not a number", "policies/use-cases/brieven-opstellen.yaml", 17, null, "geen geldig getal ('.nan' en '.inf'",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "content-retention-days: 7", "content-retention-days: .nan")),
                c("1e400", "models-config/eu-groot.yaml", 26, "energy-wh-per-1k-tokens", "getal buiten bereik (1e400)",
                        p -> p.replace("models-config/eu-groot.yaml", "energy-wh-per-1k-tokens: 2.0", "energy-wh-per-1k-tokens: 1e400")),
                c("integer beyond 64 bits", "policies/limits.yaml", 17, "defaults.user.tokens-per-day", "getal te groot",
                        p -> p.replace("policies/limits.yaml", "tokens-per-day: 200000\n", "tokens-per-day: 99999999999999999999999\n")),
                c("integer too large for its field", "models-config/eu-groot.yaml", 28, "context-window", "getal te groot voor dit veld",
                        p -> p.write("models-config/eu-groot.yaml", p.read("models-config/eu-groot.yaml") + "context-window: 99999999999\n")),
                c("duration too long", "models-config/eu-groot.yaml", 14, "timeouts.response", "te lang",
                        p -> p.replace("models-config/eu-groot.yaml", "response: 120s", "response: 99999999999999999999s")),
                c("duration zero", "models-config/eu-groot.yaml", 13, "timeouts.connect", "langer dan 0",
                        p -> p.replace("models-config/eu-groot.yaml", "connect: 5s", "connect: 0s")),
                c("unknown disclaimer variable", "policies/use-cases/brieven-opstellen.yaml", 14, "disclaimer", "onbekende variabele {trace}",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "{trace_id}", "{trace}")),
                c("id longer than the audit store holds", "policies/use-cases/brieven-opstellen.yaml", 3, "id", "128",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "id: brieven-opstellen", "id: " + "b".repeat(129))),
                c("task name longer than the audit store holds", "policies/use-cases/brieven-opstellen.yaml", 8, "tasks." + "t".repeat(65), "64",
                        p -> p.replace("policies/use-cases/brieven-opstellen.yaml", "risk-class: limited", "risk-class: limited\ntasks:\n  " + "t".repeat(65) + ": [eu-groot]")),
                c("bad regular expression in Dutch", "policies/governance.yaml", 24, "forbidden-purposes[0].match[0].any[0]", "(fout bij teken 4)",
                        p -> p.replace("policies/governance.yaml", "'\\b(beslis|besluit|bepaal|beoordeel|concludeer|adviseer)\\s+(of|welke|wie)\\b'", "'[a-'")),
                c("empty list of departments (read as nobody, meant anyone)", "policies/use-cases/woo-lakken.yaml", 10, "allowed.departments",
                        "een lege lijst is niet toegestaan",
                        p -> p.replace("policies/use-cases/woo-lakken.yaml", "departments: [Juridische Zaken, Informatiebeheer]", "departments: []")),
                // --- files and directories
                c("tools.yaml missing", "policies/tools.yaml", 0, null, "niet gevonden",
                        p -> p.delete("policies/tools.yaml")));
    }

    private static Arguments c(String name, String file, int line, String field, String message, Consumer<TestPack> edit) {
        return Arguments.of(name, file, line, field, message, edit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsFileLineAndField(String name, String file, int line, String field, String message, Consumer<TestPack> edit) {
        TestPack pack = TestPack.copyOfDefault(dir);
        edit.accept(pack);

        PolicyLoadException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyLoadException.class, pack::load);

        List<PolicyProblem> problems = e.problems();
        assertThat(problems).as(e.getMessage()).isNotEmpty();
        PolicyProblem p = problems.stream().filter(x -> x.file().endsWith(Path.of(file)))
                .filter(x -> field == null || field.equals(x.field())).findFirst()
                .orElseThrow(() -> new AssertionError("no problem in " + file + ": " + e.getMessage()));
        assertThat(p.line()).as(e.getMessage()).isEqualTo(line);
        if (field != null) {
            assertThat(p.field()).as(e.getMessage()).isEqualTo(field);
        }
        assertThat(p.message()).as(e.getMessage()).containsIgnoringCase(message);
        assertThat(p.toString()).startsWith(p.file().toString() + (line > 0 ? ":" + line : "") + ": ");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        TestPack pack = TestPack.copyOfDefault(dir)
                .replace("policies/use-cases/brieven-opstellen.yaml", "risk-class: limited", "risk-class: hoog")
                .replace("models-config/eu-groot.yaml", "status: approved", "status: goedgekeurd");
        assertThatThrownBy(pack::load).isInstanceOfSatisfying(PolicyLoadException.class,
                e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void missingDirectoryIsReported() {
        TestPack pack = TestPack.copyOfDefault(dir);
        assertThatThrownBy(() -> new PolicyLoader().load(pack.policies, dir.resolve("nergens")))
                .isInstanceOfSatisfying(PolicyLoadException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("map niet gevonden")));
    }
}
