package nl.dijkwacht.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** When a stream without {@code [DONE]} has finished its answer (answer49; wire/perplexity, wire/azure, wire/llamacpp). */
class FinishedChoicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void event(FinishedChoices finished, String json) throws Exception {
        finished.event(JSON.readTree(json));
    }

    @Test
    void everyChoiceMustHaveFinished() throws Exception {
        FinishedChoices finished = new FinishedChoices();
        assertThat(finished.all()).as("nothing came").isFalse();
        finished.plain();
        event(finished, "{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"b\"},\"finish_reason\":null}]}");
        event(finished, "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
        assertThat(finished.all()).as("choice 1 is open").isFalse();
        event(finished, "{\"choices\":[{\"index\":1,\"delta\":{},\"finish_reason\":\"length\"}]}");
        event(finished, "{\"choices\":[],\"usage\":{\"total_tokens\":3}}");
        assertThat(finished.all()).isTrue();
    }

    /** Azure's asynchronous filter: verdicts on choice 0 after its finishing event, without a finish reason. */
    @Test
    void aVerdictAfterTheFinishingEventDoesNotReopenTheChoice() throws Exception {
        FinishedChoices finished = new FinishedChoices();
        finished.plain();
        event(finished, "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
        event(finished, "{\"id\":\"\",\"choices\":[{\"index\":0,\"finish_reason\":null,\"content_filter_offsets\":"
                + "{\"check_offset\":0,\"start_offset\":0,\"end_offset\":36}}]}");
        finished.plain();
        assertThat(finished.all()).isTrue();
    }

    /** edges51: only the first plain event is looked up; a stream of plain events is open until choice 0 finishes. */
    @Test
    void manyPlainEventsKeepChoiceZeroOpenUntilItFinishes() throws Exception {
        FinishedChoices finished = new FinishedChoices();
        for (int i = 0; i < 20; i++) {
            finished.plain();
        }
        event(finished, "{\"choices\":[{\"index\":1,\"delta\":{},\"finish_reason\":\"stop\"}]}");
        assertThat(finished.all()).as("choice 0 has had no finish reason").isFalse();
        event(finished, "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
        finished.plain();
        assertThat(finished.all()).isTrue();

        FinishedChoices finishedFirst = new FinishedChoices();
        event(finishedFirst, "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
        finishedFirst.plain();
        finishedFirst.plain();
        assertThat(finishedFirst.all()).as("a plain event after the finish does not reopen choice 0").isTrue();
    }
}
