package nl.dijkwacht.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.console.audit.DecisionPath.Outcome;
import org.junit.jupiter.api.Test;

/** The decision path an auditor reads: the step that refused is the one named by the rule, in the pipeline's order. */
class DecisionPathTest {

    private static List<DecisionPath.Step> refusedBy(String rule, String code, int status) {
        return DecisionPath.of(AuditRecord.builder().traceId("t").occurredAt(Instant.EPOCH).bioOrigin("tool:dev-cli")
                .useCase("algemene-vragen").decision("refused").rule(rule).errorCode(code).httpStatus(status).build());
    }

    private static Outcome outcomeOf(List<DecisionPath.Step> steps, String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().outcome();
    }

    @Test
    void anAttachmentRefusalIsTheAttachmentStepsNotTheKeyCheck() {
        List<DecisionPath.Step> steps = refusedBy("attachments:refused:image", "attachments_not_allowed", 403);
        assertThat(outcomeOf(steps, "authenticate")).isEqualTo(Outcome.PASSED);
        assertThat(outcomeOf(steps, "use-case")).isEqualTo(Outcome.PASSED);
        assertThat(outcomeOf(steps, "attachments")).isEqualTo(Outcome.REFUSED);
        assertThat(outcomeOf(steps, "purpose")).isEqualTo(Outcome.NOT_REACHED);
    }

    @Test
    void aUseCaseRefusalComesBeforeTheRequestRateLimit() {
        List<DecisionPath.Step> steps = refusedBy("use-case:unknown", "use_case_unknown", 403);
        assertThat(outcomeOf(steps, "use-case")).isEqualTo(Outcome.REFUSED);
        assertThat(outcomeOf(steps, "rate-limit")).isEqualTo(Outcome.NOT_REACHED);
    }

    @Test
    void aRateLimitRefusalCameAfterTheUseCaseWasAllowed() {
        List<DecisionPath.Step> steps = refusedBy("rate-limit:user:requests-per-minute", "rate_limit_exceeded", 429);
        assertThat(outcomeOf(steps, "use-case")).isEqualTo(Outcome.PASSED);
        assertThat(outcomeOf(steps, "rate-limit")).isEqualTo(Outcome.REFUSED);
        assertThat(steps).extracting(DecisionPath.Step::title).doesNotContainNull();
    }

    @Test
    void aCallToAnAddressNotOfferedSaysWhichAddressAndMethodTheToolAskedFor() {
        List<DecisionPath.Step> steps = DecisionPath.of(AuditRecord.builder().traceId("t").occurredAt(Instant.EPOCH)
                .bioOrigin("tool:dev-cli").endpoint("unsupported").bioObject("endpoint:POST /v1/audio/speech")
                .decision("refused").rule("request:endpoint_not_supported").errorCode("endpoint_not_supported")
                .httpStatus(404).build());
        DecisionPath.Step request = steps.stream().filter(s -> s.id().equals("request")).findFirst().orElseThrow();
        assertThat(request.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(request.detail()).isEqualTo("Dijkwacht biedt dit adres niet aan: POST /v1/audio/speech. "
                + "Regel request:endpoint_not_supported, code endpoint_not_supported, HTTP 404");
        assertThat(outcomeOf(steps, "use-case")).isEqualTo(Outcome.NOT_REACHED);

        DecisionPath.Step method = DecisionPath.of(AuditRecord.builder().traceId("t").occurredAt(Instant.EPOCH)
                        .bioOrigin("tool:dev-cli").endpoint("unsupported").bioObject("endpoint:GET /v1/chat/completions")
                        .decision("refused").rule("request:method_not_allowed").errorCode("method_not_allowed")
                        .httpStatus(405).build())
                .stream().filter(s -> s.id().equals("request")).findFirst().orElseThrow();
        assertThat(method.detail()).startsWith("Dijkwacht biedt deze methode voor dit adres niet aan: GET /v1/chat/completions. ");
    }

    @Test
    void anotherRefusalOfTheRequestStepKeepsItsPlainDetail() {
        DecisionPath.Step request = refusedBy("request:request_too_large", "request_too_large", 413).stream()
                .filter(s -> s.id().equals("request")).findFirst().orElseThrow();
        assertThat(request.detail()).isEqualTo("Regel request:request_too_large, code request_too_large, HTTP 413");
    }
}
