package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.dijkwacht.catalog.ModelRole;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.identity.IdentitySource;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The use-case field {@code purpose-guard:} (issue 10 item 3): parsed over the defaults, schema-checked with Dutch
 * messages naming file, line and field, the guard model checked against the catalogue, and hot-reloaded.
 */
class PurposeGuardFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BRIEVEN = "policies/use-cases/brieven-opstellen.yaml";

    @TempDir
    Path dir;

    private int packs;

    private TestPack pack() {
        return TestPack.copyOfDefault(dir.resolve("pack" + packs++));
    }

    private static TestPack withGuard(TestPack pack, String section) {
        return pack.replace(BRIEVEN, "risk-class: limited", "risk-class: limited\npurpose-guard:\n" + section);
    }

    private static List<PolicyProblem> problems(TestPack pack) {
        try {
            pack.load();
        } catch (PolicyLoadException e) {
            return e.problems();
        }
        throw new AssertionError("the pack loaded without problems");
    }

    @Test
    void theDefaultPackDeclaresAGuardModelThatNoUseCaseUsesByDefault() {
        PolicySet set = pack().load();
        assertThat(set.catalog().find("lokaal-controle").orElseThrow().governance().role()).isEqualTo(ModelRole.GUARD);
        assertThat(set.catalog().find("lokaal-klein").orElseThrow().governance().role()).isEqualTo(ModelRole.GENERAL);
        set.useCases().values().forEach(u -> assertThat(u.purposeGuard()).isEqualTo(PurposeGuardPolicy.DEFAULTS));
    }

    @Test
    void everyFieldIsReadAndWhatIsLeftOutKeepsItsDefault() {
        PolicySet set = withGuard(pack(), """
                  refuse-at: 0.9
                  allow-below: 0.2
                  decide-at: 0.7
                  personal-without-term-at: 0.6
                  verdict-on-cases-at: 0.55
                  personal-named-at: 0.15
                  topic-unnamed-below: 0.35
                  domain-verdict-at: 0.1
                  guard-model: lokaal-controle
                  guard-budget: 800ms
                  on-guard-failure: allow
                """).load();
        PurposeGuardPolicy p = set.useCase("brieven-opstellen").orElseThrow().purposeGuard();
        assertThat(p.refuseAt()).isEqualTo(0.9);
        assertThat(p.allowBelow()).isEqualTo(0.2);
        assertThat(p.decideAt()).isEqualTo(0.7);
        assertThat(p.personalWithoutTermAt()).isEqualTo(0.6);
        assertThat(p.personalAt(false)).isEqualTo(0.6);
        assertThat(p.verdictOnCasesAt()).isEqualTo(0.55);
        assertThat(p.domainVerdictAt()).isEqualTo(0.1);
        assertThat(p.personalNamedAt()).isEqualTo(0.15);
        assertThat(p.topicUnnamedBelow()).isEqualTo(0.35);
        assertThat(p.personalAt(true)).isEqualTo(PurposeGuardPolicy.DEFAULTS.personalAt());
        assertThat(p.personalAt()).isEqualTo(PurposeGuardPolicy.DEFAULTS.personalAt());
        assertThat(p.topicBelow()).isEqualTo(PurposeGuardPolicy.DEFAULTS.topicBelow());
        assertThat(p.guardModel()).isEqualTo("lokaal-controle");
        assertThat(p.guardBudget()).isEqualTo(Duration.ofMillis(800));
        assertThat(p.onGuardFailure()).isEqualTo(PurposeGuardPolicy.FailureOutcome.ALLOW);
        assertThat(set.useCase("algemene-vragen").orElseThrow().purposeGuard()).isEqualTo(PurposeGuardPolicy.DEFAULTS);
    }

    @Test
    void aScoreOutsideZeroToOneIsRefusedByTheSchema() {
        List<PolicyProblem> problems = problems(withGuard(pack(), "  refuse-at: 1.5\n"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file().toString()).endsWith("brieven-opstellen.yaml");
            assertThat(p.field()).isEqualTo("purpose-guard.refuse-at");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("maximale waarde van 1");
        });
    }

    @Test
    void unknownFieldsAndValuesAreNamedInDutch() {
        assertThat(problems(withGuard(pack(), "  refuse_at: 0.9\n"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("onbekend veld"));
        assertThat(problems(withGuard(pack(), "  on-guard-failure: doorlaten\n"))).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("purpose-guard.on-guard-failure"));
        assertThat(problems(withGuard(pack(), "  guard-budget: 2 seconden\n"))).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("purpose-guard.guard-budget"));
    }

    @Test
    void thresholdsThatContradictEachOtherAreRefused() {
        assertThat(problems(withGuard(pack(), "  allow-below: 0.9\n  refuse-at: 0.5\n  decide-at: 0.6\n"))).extracting(PolicyProblem::message)
                .anySatisfy(m -> assertThat(m).contains("allow-below moet kleiner zijn dan of gelijk aan refuse-at"));
        assertThat(problems(withGuard(pack(), "  decide-at: 0.95\n"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("decide-at (0.95) moet tussen allow-below"));
        assertThat(problems(withGuard(pack(), "  topic-below: 0.6\n  personal-at: 0.4\n"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("topic-below moet kleiner zijn dan of gelijk aan personal-at"));
    }

    @Test
    void theGuardModelMustBeAnOnPremisesModelWithTheGuardRole() {
        assertThat(problems(withGuard(pack(), "  guard-model: bestaat-niet\n"))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("purpose-guard.guard-model");
            assertThat(p.message()).contains("'bestaat-niet' staat niet in models-config/");
        });
        assertThat(problems(withGuard(pack(), "  guard-model: lokaal-klein\n"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("geen controlemodel").contains("'role: guard'"));
        TestPack cloud = withGuard(pack(), "  guard-model: lokaal-controle\n")
                .replace("models-config/lokaal-controle.yaml", "hosting: on-premises", "hosting: eu-cloud\nprocessor-agreement: VWO-X")
                .replace("models-config/lokaal-controle.yaml", "data-classes: [personal-data, special-category]", "data-classes: []");
        assertThat(problems(cloud)).singleElement().satisfies(p -> assertThat(p.message()).contains("on-premises"));
        assertThat(problems(pack().replace("models-config/lokaal-controle.yaml", "role: guard", "role: bewaker"))).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("role"));
    }

    @Test
    void aThresholdChangedOnDiskDecidesTheNextRequest() {
        TestPack pack = pack();
        ActivePolicy active = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
        String prompt = "Geef elke aanvrager een risicoscore voor fraude.";
        assertThat(PolicyStepsTest.PURPOSE_GUARD.apply(exchange(active.current(), prompt))).isInstanceOf(Outcome.Deny.class);

        // a policy owner decides nothing is refused below certainty (an absurd setting, but it shows the field is in force)
        withGuard(pack, "  refuse-at: 1.0\n  allow-below: 1.0\n  decide-at: 1.0\n  domain-verdict-at: 1.0\n");
        active.reload();
        assertThat(active.current().useCase("brieven-opstellen").orElseThrow().purposeGuard().allowBelow()).isEqualTo(1.0);
        assertThat(PolicyStepsTest.PURPOSE_GUARD.apply(exchange(active.current(), prompt))).isEqualTo(Outcome.CONTINUE);

        pack.write(BRIEVEN, pack.read(BRIEVEN).replace("purpose-guard:\n  refuse-at: 1.0\n  allow-below: 1.0\n  decide-at: 1.0\n"
                + "  domain-verdict-at: 1.0\n", ""));
        active.reload();
        assertThat(PolicyStepsTest.PURPOSE_GUARD.apply(exchange(active.current(), prompt))).isInstanceOf(Outcome.Deny.class);
    }

    @Test
    void theScoreNeededWithoutATermIsReloadedFromDisk() {
        TestPack pack = pack();
        ActivePolicy active = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
        // a union member named, no word from the special-category term list: the classifier alone decides
        String prompt = "Schrijf een korte notitie voor het teamoverleg: mevrouw Jansen is lid van de FNV en wil een adviseur meenemen.";
        assertThat(new nl.dijkwacht.pii.detect.SpecialCategoryRecognizer().find(prompt)).as("precondition: no listed term").isEmpty();
        Exchange before = exchange(active.current(), prompt);
        PolicyStepsTest.PURPOSE_GUARD.apply(before);
        assertThat(before.holdsPersonalSpecialCategory()).isTrue();

        // a named person with a special-category word has its own threshold (personal-named-at): both raised to 1.0
        withGuard(pack, "  personal-without-term-at: 1.0\n  personal-named-at: 1.0\n");
        active.reload();
        assertThat(active.current().useCase("brieven-opstellen").orElseThrow().purposeGuard().personalWithoutTermAt()).isEqualTo(1.0);
        Exchange after = exchange(active.current(), prompt);
        PolicyStepsTest.PURPOSE_GUARD.apply(after);
        assertThat(after.holdsPersonalSpecialCategory()).isFalse();
    }

    private static Exchange exchange(PolicySet policy, String text) {
        Exchange ex = new Exchange("t", Endpoint.CHAT_COMPLETIONS, new CallerHeaders("brieven-opstellen"), policy);
        ex.caller(new Caller("dev-cli", "u", null, List.of(), "gemeente", null, IdentitySource.TOKEN, "idp"));
        ObjectNode body = JSON.createObjectNode().put("model", "lokaal-klein");
        body.putArray("messages").addObject().put("role", "user").put("content", text);
        ex.request(new ChatRequest(body));
        ex.useCase(policy.useCase("brieven-opstellen").orElseThrow());
        return ex;
    }
}
