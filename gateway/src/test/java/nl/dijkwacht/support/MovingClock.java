package nl.dijkwacht.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A UTC clock a test moves by hand (no waiting, no timing): set {@link #now}, or {@link #advance} it — also from several
 * threads at once.
 */
public final class MovingClock extends Clock {

    public volatile Instant now;

    public MovingClock() {
        this(Instant.parse("2026-12-05T09:00:00Z"));
    }

    public MovingClock(Instant start) {
        now = start;
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
