package nl.dijkwacht.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.openai.ParseRequestStep;
import nl.dijkwacht.openai.RequestSchema;
import nl.dijkwacht.openai.WireFormat;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.RepeatedTexts;
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
    void withACoreIdleLaterStepsStartAsTheRunStartsBeforeTheRequestIsParsed() {
        Early early = new Early();
        RequestPipeline pipeline = new RequestPipeline(List.of(parse(), step("use-case", Outcome.CONTINUE),
                step("purpose", Outcome.CONTINUE), early), 2, Runnable::run);

        assertThat(pipeline.run(exchange())).isNull();

        assertThat(early.started).containsExactly("", "helper"); // before any step ran
        assertThat(ran).containsExactly("request", "use-case", "purpose", "early");
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
    void workStartedAheadDecidesNothingARefusalBeforeTheStepStillStopsTheRun() {
        Early early = new Early();
        Refusal refusal = Refusal.forbidden("nope", "Nee.", null);
        Exchange exchange = exchange();

        assertThat(new RequestPipeline(List.of(parse(), step("use-case", Outcome.deny(refusal, "x")), early), 2, Runnable::run)
                .run(exchange)).isEqualTo(refusal);

        assertThat(early.started).containsExactly("", "helper");
        assertThat(ran).containsExactly("request", "use-case");
        assertThat(exchange.steps()).extracting(StepTrace::step).containsExactly("request", "use-case");
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

    /** The request step and the PII step as the gateway runs them: detection ahead reads the body as it arrived. */
    private static RequestPipeline parseAndPii(int cores, java.util.concurrent.Executor helper) {
        ObjectMapper json = new ObjectMapper();
        WireFormat wire = new WireFormat(json, new RequestSchema(json));
        PiiEngine engine = PiiEngine.dutchDefault();
        PolicyStep useCase = new PolicyStep() {
            @Override
            public String id() {
                return "use-case";
            }

            @Override
            public Outcome apply(Exchange exchange) {
                exchange.useCase(new UseCasePolicy("u", "test", List.of("m"), OperatorPolicy.pseudonymiseAll(), null));
                return Outcome.CONTINUE;
            }
        };
        return new RequestPipeline(List.of(new ParseRequestStep(wire), useCase,
                new RedactPersonalDataStep(engine, new RepeatedTexts(engine), new Anonymizer(new byte[32]), wire)), cores, helper);
    }

    private static Exchange arrived(String body) {
        Exchange exchange = exchange();
        exchange.contentType("application/json");
        exchange.rawBody(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return exchange;
    }

    @Test
    void detectionStartedFromTheBodyAsItArrivedGivesTheSameRequestAsDetectionAfterTheParse() {
        String body = """
                {"model":"m","messages":[{"role":"system","content":"Je bent een assistent van de gemeente."},
                 {"role":"user","content":"Mijn naam is Jan Jansen, IBAN NL91ABNA0417164300, bel 06-12345678.",
                  "name":"jan_jansen"}],"metadata":{"dw_task":"samenvatten","kanaal":"Mail jan@example.nl"}}""";
        List<String> outgoing = new ArrayList<>();
        for (int cores : new int[] {1, 2}) {
            java.util.concurrent.ExecutorService helper = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
            Exchange exchange = arrived(body);

            assertThat(parseAndPii(cores, helper).run(exchange)).isNull();

            assertThat(exchange.detectionAhead() != null).isEqualTo(cores == 2);
            outgoing.add(exchange.request().body().toString() + " " + exchange.entityCounts());
            helper.close();
        }
        assertThat(outgoing.get(0)).doesNotContain("NL91ABNA0417164300").doesNotContain("jan@example.nl")
                .isEqualTo(outgoing.get(1));
    }

    @Test
    void aBodyTheRequestStepRefusesIsRefusedByItWhateverTheHelperMadeOfIt() {
        for (String body : new String[] {"{\"messages\": [", "{\"model\":\"m\",\"messages\":[],\"messages\":[]}",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Jan Jansen\"}],\"onbekend\":1}"}) {
            java.util.concurrent.ExecutorService helper = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
            Exchange exchange = arrived(body);

            Refusal refusal = parseAndPii(2, helper).run(exchange);

            assertThat(refusal).isNotNull();
            assertThat(exchange.steps()).extracting(StepTrace::step).containsExactly("request");
            helper.close();
        }
    }
}
