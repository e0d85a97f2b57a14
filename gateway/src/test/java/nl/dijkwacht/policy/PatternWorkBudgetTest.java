package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.identity.IdentitySource;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pii.WorstCaseInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * slow27: an administrator's forbidden-purpose pattern reads a text within a work budget (regex reads counted, not
 * time): a catastrophic pattern stops and the request is refused, naming the rule; the default pack's patterns stay
 * far inside the budget on a worst-case text of a megabyte.
 */
class PatternWorkBudgetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aCatastrophicPatternStopsAtItsBudget() {
        ForbiddenPurpose rule = new ForbiddenPurpose("herhaling", "Herhaling", null, "Niet toegestaan.", true,
                List.of(List.of(Pattern.compile("(.*a){20}$"))));
        // every way to pick 20 of the 40 a's is tried: 3 s for 24 a's on this machine without a budget, years for 40
        String text = "a".repeat(40) + "!";
        assertThatThrownBy(() -> rule.matches(text)).isInstanceOf(MatchBudgetExceeded.class)
                .extracting(e -> ((MatchBudgetExceeded) e).ruleId()).isEqualTo("herhaling");
        assertThat(rule.matches("een korte vraag")).isFalse(); // a text it can decide is decided as before
    }

    @Test
    void theDefaultPatternsReadAWorstCaseMegabyteWellWithinTheBudget() {
        List<ForbiddenPurpose> rules = TestPack.copyOfDefault(dir.resolve("pack")).load().governance().forbiddenPurposes();
        String text = WorstCaseInputs.fill("moet kan mag heeft komt wel of geen uitkering ", 1 << 20);
        for (ForbiddenPurpose rule : rules) {
            for (List<Pattern> group : rule.match()) {
                for (Pattern p : group) {
                    MatchBudget budget = new MatchBudget(text, rule.id());
                    var m = p.matcher(budget);
                    while (m.find()) {
                        // every match, as a worst case for the pattern's reading
                    }
                    long used = MatchBudget.BASE + MatchBudget.PER_CHAR * text.length() - budget.left();
                    assertThat(used).as(rule.id() + " " + p.pattern()).isLessThan(MatchBudget.PER_CHAR / 4 * text.length());
                }
            }
        }
    }

    @Test
    void theGuardRefusesAndNamesTheRuleWhenThePatternRunsOut() {
        TestPack pack = TestPack.copyOfDefault(dir.resolve("pack2")).replace("policies/governance.yaml",
                "'\\b(uitkering|bijstand|toeslag|participatiewet|wmo|voorziening|schuldhulp|kwijtschelding|minimaregeling)\\w*'",
                "'(.*a){20}$'");
        PolicySet policy = pack.load();
        Exchange ex = new Exchange("t-budget", Endpoint.CHAT_COMPLETIONS, new CallerHeaders("brieven-opstellen"), policy);
        ex.caller(new Caller("dev-cli", "u", null, List.of(), "gemeente", null, IdentitySource.TOKEN, "idp"));
        ObjectNode body = JSON.createObjectNode().put("model", "lokaal-klein");
        body.putArray("messages").addObject().put("role", "user")
                .put("content", "Beslis of deze inwoner recht heeft op een uitkering: " + "a".repeat(60) + "!");
        ex.request(new ChatRequest(body));
        ex.useCase(policy.useCase("brieven-opstellen").orElseThrow());

        Outcome outcome = PolicyStepsTest.PURPOSE_GUARD.apply(ex);

        assertThat(outcome).isInstanceOf(Outcome.Deny.class);
        Outcome.Deny deny = (Outcome.Deny) outcome;
        assertThat(deny.rule()).startsWith("purpose:budget:");
        assertThat(deny.refusal().message()).contains("verboden doel").contains("t-budget").doesNotContain("aaaa");
    }
}
