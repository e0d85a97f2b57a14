package nl.dijkwacht.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.Recognizer;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.UseCasePolicy;
import nl.dijkwacht.redaction.RedactPersonalDataStep;
import org.junit.jupiter.api.Test;

class RequestPipelineTest {

    private final List<String> ran = new ArrayList<>();

    private PolicyStep step(String id, Outcome outcome) {
        return new PolicyStep() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Outcome apply(Exchange exchange) {
                ran.add(id);
                return outcome;
            }
        };
    }

    private static Exchange exchange() {
        PolicySet policy = new PolicySet("v1", Map.of(), Map.of(), new ModelCatalog(List.of()), List.of());
        return new Exchange("trace-1", Endpoint.CHAT_COMPLETIONS, CallerHeaders.NONE, policy);
    }

    @Test
    void firstDenyStopsTheChainAndIsRecorded() {
        Refusal refusal = Refusal.forbidden("nope", "Nee.", null);
        RequestPipeline pipeline = new RequestPipeline(List.of(
                step("a", Outcome.CONTINUE), step("b", Outcome.deny(refusal, "b:rule")), step("c", Outcome.CONTINUE)));
        Exchange exchange = exchange();

        assertThat(pipeline.run(exchange)).isEqualTo(refusal);
        assertThat(ran).containsExactly("a", "b");
        assertThat(exchange.decision()).isEqualTo(Decision.REFUSED);
        assertThat(exchange.rule()).isEqualTo("b:rule");
    }

    @Test
    void rewriteIsRecordedAndTheChainGoesOn() {
        RequestPipeline pipeline = new RequestPipeline(List.of(
                step("a", Outcome.rewrite(Decision.REDACTED, "a:redacted")), step("b", Outcome.CONTINUE)));
        Exchange exchange = exchange();

        assertThat(pipeline.run(exchange)).isNull();
        assertThat(ran).containsExactly("a", "b");
        assertThat(exchange.decision()).isEqualTo(Decision.REDACTED);
    }

    @Test
    void aFailingDetectorRefusesTheRequestInsteadOfLettingItThrough() {
        Recognizer broken = new Recognizer() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<nl.dijkwacht.pii.detect.Finding> find(String text) {
                throw new IllegalStateException("model file missing");
            }
        };
        RedactPersonalDataStep pii = new RedactPersonalDataStep(new PiiEngine(List.of(broken)), new Anonymizer(new byte[32]));
        RequestPipeline pipeline = new RequestPipeline(List.of(pii, step("call-model", Outcome.CONTINUE)));
        Exchange exchange = exchange();
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.putArray("messages").addObject().put("role", "user").put("content", "BSN 111222333");
        exchange.request(new ChatRequest(body));
        exchange.useCase(new UseCasePolicy("u", "test", List.of("m"), OperatorPolicy.pseudonymiseAll(), null));

        Refusal refusal = pipeline.run(exchange);

        assertThat(refusal.status()).isEqualTo(500);
        assertThat(refusal.code()).isEqualTo("policy_step_failed");
        assertThat(refusal.message()).doesNotContain("111222333").doesNotContain("model file missing");
        assertThat(ran).isEmpty();
        assertThat(exchange.decision()).isEqualTo(Decision.FAILED);
        assertThat(exchange.rule()).isEqualTo("pii:exception:PiiEngineException");
    }

    @Test
    void everyStepIsTracedAndSkippedStepsAreNotRun() {
        Refusal refusal = Refusal.forbidden("nope", "Nee.", null);
        RequestPipeline pipeline = new RequestPipeline(List.of(step("auth", Outcome.CONTINUE),
                step("a", Outcome.rewrite(Decision.REDACTED, "a:redacted")), step("b", Outcome.deny(refusal, "b:rule")),
                step("c", Outcome.CONTINUE)));
        Exchange exchange = exchange();
        List<String> heard = new ArrayList<>();

        Refusal result = pipeline.run(exchange, java.util.Set.of("auth"), (step, trace, ex) -> heard.add(step.id() + "=" + trace.outcome()));

        assertThat(result).isEqualTo(refusal);
        assertThat(ran).containsExactly("a", "b");
        assertThat(heard).containsExactly("auth=skipped", "a=rewrite", "b=deny");
        assertThat(exchange.steps()).extracting(StepTrace::step, StepTrace::outcome, StepTrace::rule, StepTrace::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("auth", "skipped", null, null),
                        org.assertj.core.groups.Tuple.tuple("a", "rewrite", "a:redacted", null),
                        org.assertj.core.groups.Tuple.tuple("b", "deny", "b:rule", "nope"));
        assertThat(exchange.steps().get(1).effectName()).isEqualTo("redacted");
    }
}
