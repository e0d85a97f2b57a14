package nl.dijkwacht.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.distributed.serialization.SerializationHandle;
import java.time.Duration;

/**
 * When the in-memory cache forgets a bucket: once it would be full again ({@link
 * ExpirationAfterWriteStrategy#basedOnTimeForRefillingBucketUpToMax}), but a token budget (a bucket refilled once per
 * period, {@link Charge#configuration}) at the latest one refill period after it was last written. Its key names its
 * day or month and is never used after that period, which ends before the bucket's first refill; a budget that answers
 * overspent (below zero) would otherwise only be "full again" after several refills — kept for several periods,
 * holding a place under {@code max-buckets} that a live bucket needs. Written at time t within its period, it is kept
 * until t + the refill period, which is after the period's end: a bucket in use is never forgotten.
 */
final class BudgetExpiry implements ExpirationAfterWriteStrategy {

    private final ExpirationAfterWriteStrategy untilFull;
    private final long keepMillis;

    BudgetExpiry(Duration keepAfterFull) {
        this.untilFull = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keepAfterFull);
        this.keepMillis = keepAfterFull.toMillis();
    }

    @Override
    public long calculateTimeToLiveMillis(RemoteBucketState state, long currentTimeNanos) {
        long full = untilFull.calculateTimeToLiveMillis(state, currentTimeNanos);
        Bandwidth[] bandwidths = state.getConfiguration().getBandwidths();
        if (bandwidths.length != 1 || !bandwidths[0].isRefillIntervally()) {
            return full;
        }
        return Math.min(full, Duration.ofNanos(bandwidths[0].getRefillPeriodNanos()).toMillis() + keepMillis);
    }

    /** Only used by the in-memory cache, which never serialises its strategy. */
    @Override
    public SerializationHandle<ExpirationAfterWriteStrategy> getSerializationHandle() {
        throw new UnsupportedOperationException("an in-memory expiry is not serialised");
    }
}
