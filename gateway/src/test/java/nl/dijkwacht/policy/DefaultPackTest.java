package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import nl.dijkwacht.catalog.DataClass;
import nl.dijkwacht.catalog.Hosting;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ModelStatus;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.anonymize.Operator;
import org.junit.jupiter.api.Test;

/** The default pack in policies/ and models-config/ is validated in every build, with the same loader and CLI. */
class DefaultPackTest {

    @Test
    void defaultPackIsValidAndComplete() {
        PolicySet set = new PolicyLoader().load(TestPack.DEFAULT_POLICIES, TestPack.DEFAULT_MODELS);

        assertThat(set.version()).matches("[0-9a-f]{16}");
        assertThat(set.useCases().keySet())
                .contains("algemene-vragen", "brieven-opstellen", "documenten-samenvatten", "woo-lakken");
        assertThat(set.catalog().all()).extracting(ModelDefinition::id)
                .contains("dry-run", "lokaal-klein", "eu-groot", "claude-extern");
        assertThat(set.governance().forbiddenPurposes()).extracting(ForbiddenPurpose::id)
                .contains("besluit-uitkering", "selectie-sollicitanten", "fraude-risicoscore");

        ModelDefinition local = set.catalog().find("lokaal-klein").orElseThrow();
        assertThat(local.governance().hosting()).isEqualTo(Hosting.ON_PREMISES);
        assertThat(local.governance().mayReceive(DataClass.SPECIAL_CATEGORY)).isTrue();
        ModelDefinition eu = set.catalog().find("eu-groot").orElseThrow();
        assertThat(eu.governance().hosting()).isEqualTo(Hosting.EU_CLOUD);
        assertThat(eu.governance().noTraining()).isTrue();
        assertThat(eu.governance().processorAgreement()).isNotBlank();
        assertThat(eu.governance().fallbacks()).containsExactly("lokaal-klein", "dry-run");
        assertThat(set.catalog().find("claude-extern").orElseThrow().provider()).isEqualTo(ProviderKind.ANTHROPIC);
        assertThat(set.catalog().find("claude-extern").orElseThrow().governance().status()).isEqualTo(ModelStatus.SUSPENDED);

        // the embedded default answers without network: every use-case can reach dry-run (directly or as last fallback)
        for (UseCasePolicy useCase : set.useCases().values()) {
            assertThat(useCase.models()).as(useCase.id()).contains("dry-run");
            assertThat(useCase.riskClass()).isNotEqualTo(RiskClass.PROHIBITED);
        }
        // limits.yaml: every tool has its own cap; overrides replace the defaults field by field
        LimitsPolicy limits = set.limits();
        assertThat(limits.limitsOf(LimitsPolicy.Scope.TOOL, "dev-cli").amount(LimitsPolicy.Kind.REQUESTS_PER_MINUTE)).isEqualTo(1200);
        assertThat(limits.limitsOf(LimitsPolicy.Scope.USER, "wie-dan-ook").amount(LimitsPolicy.Kind.TOKENS_PER_DAY)).isEqualTo(200_000);
        assertThat(limits.limitsOf(LimitsPolicy.Scope.USE_CASE, "documenten-samenvatten").amount(LimitsPolicy.Kind.TOKENS_PER_DAY)).isEqualTo(20_000_000);
        assertThat(limits.limitsOf(LimitsPolicy.Scope.USE_CASE, "brieven-opstellen").amount(LimitsPolicy.Kind.TOKENS_PER_DAY)).isNull();
        assertThat(limits.timeZone()).hasToString("Europe/Amsterdam");

        UseCasePolicy woo = set.useCase("woo-lakken").orElseThrow();
        assertThat(woo.pii().operatorFor(EntityType.PERSON)).isEqualTo(Operator.ALLOW);
        assertThat(woo.allowedDepartments()).isNotEmpty();
        UseCasePolicy letters = set.useCase("brieven-opstellen").orElseThrow();
        assertThat(letters.humanReviewRequired()).isTrue();
        assertThat(letters.contentRetentionDays()).isEqualTo(7);
        assertThat(set.useCase("algemene-vragen").orElseThrow().contentRetentionDays()).isZero();
    }

    @Test
    void defaultPackModelsAreNotPastTheirEvaluationDate() {
        PolicySet set = new PolicyLoader().load(TestPack.DEFAULT_POLICIES, TestPack.DEFAULT_MODELS);
        for (ModelDefinition m : set.catalog().all()) {
            assertThat(m.governance().evaluationOverdue(LocalDate.now())).as(m.id()).isFalse();
        }
    }

    @Test
    void validatorCommandAcceptsTheDefaultPack() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PolicyValidator.run(TestPack.DEFAULT_POLICIES, TestPack.DEFAULT_MODELS, LocalDate.now(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("GELDIG: beleid ").contains("4 use-cases")
                .contains("model 'claude-extern' heeft status suspended");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void validatorCommandReportsFileLineAndFieldAndFails(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        TestPack pack = TestPack.copyOfDefault(dir);
        pack.replace("policies/use-cases/woo-lakken.yaml", "risk-class: limited", "risk-class: laag");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PolicyValidator.run(pack.policies, pack.models, LocalDate.now(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("woo-lakken.yaml:8: 'risk-class':");
    }
}
