package nl.dijkwacht.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/**
 * The rule that decides whether the writer's wait for a fuller group commit pays, driven batch by batch with a clock of
 * the test's own (a 2 ms wait, times in microseconds).
 */
class RecordArrivalsTest {

    private static final long WAIT = 2_000_000;
    private static final long MS = 1_000_000;

    private final RecordArrivals arrivals = new RecordArrivals(WAIT);
    private long now = 0;

    /** The writer takes a batch of {@code count} records {@code gapMicros} after the last one; returns the decision. */
    private boolean batch(int count, long gapMicros) {
        now += gapMicros * 1_000;
        arrivals.batchTaken(count, now);
        return arrivals.waitPays();
    }

    @Test
    void aWriterThatMeetsLoadAtOnceWaitsFromItsFirstBatch() {
        assertThat(arrivals.waitPays()).isTrue();
        assertThat(arrivals.expectedPerWait()).isEqualTo(2.0);
    }

    @Test
    void oneWaitThatBroughtASingleRecordDoesNotEndTheWaitingWhileRecordsArriveAboutOnePerMillisecond() {
        // c=64 JSON on one busy core (audit17): ~12 records per 12 ms commit cycle, now and then a wait with one record
        for (int i = 0; i < 40; i++) {
            assertThat(batch(12, 12_000)).isTrue();
        }
        for (int i = 0; i < 3; i++) {
            assertThat(batch(1, 2_100)).as("a wait that brought one record, %s in a row", i + 1).isTrue();
            assertThat(batch(12, 12_000)).isTrue();
        }
    }

    @Test
    void streamedAnswersEndingSpreadOutStillFillTheWaits() {
        // ~0.85 records per ms arriving one by one: a wait of 2 ms plus the commit brings two or three
        int[] counts = {1, 3, 2, 1, 3, 2, 2, 1, 4, 2, 1, 2, 3, 1, 2, 2};
        for (int round = 0; round < 4; round++) {
            for (int c : counts) {
                assertThat(batch(c, 2_300)).as("batch of %s", c).isTrue();
            }
        }
        assertThat(arrivals.expectedPerWait()).isBetween(1.5, 2.0);
    }

    @Test
    void aSlowModelsFewRecordsEndTheWaitingWithinThreeBatches() {
        // 64 requests in flight on a model that answers in a second: a record every 16 ms
        boolean pays = true;
        int batches = 0;
        while (pays) {
            pays = batch(1, 16_000);
            batches++;
        }
        assertThat(batches).isLessThanOrEqualTo(3);
        for (int i = 0; i < 100; i++) {
            assertThat(batch(1, 16_000)).isFalse();
        }
        assertThat(arrivals.expectedPerWait()).isLessThan(0.2);
    }

    @Test
    void recordsArrivingCloseTogetherAgainStartTheWaitingWithinSixteenBatches() {
        for (int i = 0; i < 50; i++) {
            batch(1, 30_000);
        }
        assertThat(arrivals.waitPays()).isFalse();
        // load again: without waits two records per 2 ms commit cycle (c=64 without the wait: ~2.5 per commit)
        int batches = 0;
        while (!batch(2, 2_000)) {
            batches++;
        }
        assertThat(batches).isLessThanOrEqualTo(16);
    }

    @Test
    void recordsThatCameJustBelowTheRateKeepTheWaitingOff() {
        // a record every 2.5 ms: a 2 ms wait would mostly bring none
        for (int i = 0; i < 200; i++) {
            batch(1, 2_500);
        }
        assertThat(arrivals.waitPays()).isFalse();
        assertThat(arrivals.expectedPerWait()).isCloseTo(0.8, offset(0.01));
    }

    @Test
    void onePauseDoesNotOutweighTheBatchesBeforeIt() {
        for (int i = 0; i < 40; i++) {
            batch(12, 12_000);
        }
        assertThat(batch(1, 600_000_000)).as("after ten minutes idle").isTrue();
        assertThat(batch(12, 12_000)).isTrue();
    }

    @Test
    void aClockThatSeemsToGoBackCountsAsNoTime() {
        batch(3, 1_000);
        assertThat(batch(3, -5_000)).isTrue();
        assertThat(arrivals.expectedPerWait()).isGreaterThan(2.0);
    }

    @Test
    void theWaitMustBePositive() {
        assertThatThrownBy(() -> new RecordArrivals(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
