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

    /** A step that only notes when the runner let it start early. */
    private final class Early implements PolicyStep, StartsAhead {
        final List<String> started = new ArrayList<>();

        @Override
        public String id() {
            return "early";
        }

        @Override
        public Outcome apply(Exchange exchange) {
            ran.add("early");
            return Outcome.CONTINUE;
        }

        @Override
        public void startAhead(Exchange exchange, java.util.concurrent.Executor helper) {
            started.add(String.join(",", ran));
            helper.execute(() -> started.add("helper"));
        }
    }

    private PolicyStep parse() {
        return new PolicyStep() {
            @Override
            public String id() {
                return "request";
            }

            @Override
            public Outcome apply(Exchange exchange) {
                ran.add("request");
                ObjectNode body = new ObjectMapper().createObjectNode();
                body.putArray("messages").addObject().put("role", "user").put("content", "Hallo");
                exchange.request(new ChatRequest(body));
                return Outcome.CONTINUE;
            }
        };
    }

    @Test
    void withACoreIdleLaterStepsStartRightAfterTheRequestIsParsed() {
        Early early = new Early();
        RequestPipeline pipeline = new RequestPipeline(List.of(step("use-case", Outcome.CONTINUE), parse(),
                step("purpose", Outcome.CONTINUE), early), 2, Runnable::run);

        assertThat(pipeline.run(exchange())).isNull();

        assertThat(early.started).containsExactly("use-case,request", "helper");
        assertThat(ran).containsExactly("use-case", "request", "purpose", "early");
    }

    @Test
    void withOneCoreOrASkippedStepNothingStartsEarly() {
        Early early = new Early();
        new RequestPipeline(List.of(parse(), early), 1, Runnable::run).run(exchange());
        assertThat(early.started).isEmpty();

        Early skipped = new Early();
        new RequestPipeline(List.of(parse(), skipped), 2, Runnable::run).run(exchange(), java.util.Set.of("early"),
                RequestPipeline.StepListener.NONE);
        assertThat(skipped.started).isEmpty();
    }

    @Test
    void aRefusalBeforeTheParseStartsNothing() {
        Early early = new Early();
        Refusal refusal = Refusal.forbidden("nope", "Nee.", null);
        new RequestPipeline(List.of(step("use-case", Outcome.deny(refusal, "x")), parse(), early), 2, Runnable::run)
                .run(exchange());
        assertThat(early.started).isEmpty();
    }

    @Test
    void thePiiStepGivesTheSameRequestWhetherItsDetectionStartedEarlyOrNot() {
        String text = "Mijn naam is Jan Jansen, IBAN NL91ABNA0417164300, bel 06-12345678.";
        List<String> outgoing = new ArrayList<>();
        for (int cores : new int[] {1, 2}) {
            RedactPersonalDataStep pii = new RedactPersonalDataStep(PiiEngine.dutchDefault(), new Anonymizer(new byte[32]));
            java.util.concurrent.ExecutorService helper = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
            RequestPipeline pipeline = new RequestPipeline(List.of(pii), cores, helper);
            Exchange exchange = exchange();
            ObjectNode body = new ObjectMapper().createObjectNode();
            body.putArray("messages").addObject().put("role", "user").put("content", text);
            exchange.request(new ChatRequest(body));
            exchange.useCase(new UseCasePolicy("u", "test", List.of("m"), OperatorPolicy.pseudonymiseAll(), null));

            assertThat(pipeline.run(exchange)).isNull();
            assertThat(exchange.detectionAhead() != null).isEqualTo(cores == 2);
            outgoing.add(body.toString() + " " + exchange.entityCounts());
            helper.close();
        }
        assertThat(outgoing.get(0)).doesNotContain("NL91ABNA0417164300").isEqualTo(outgoing.get(1));
    }
}
