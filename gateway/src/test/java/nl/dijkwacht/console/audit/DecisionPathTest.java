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
}
