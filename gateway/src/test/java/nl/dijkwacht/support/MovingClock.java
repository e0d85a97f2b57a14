package nl.dijkwacht.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A UTC clock a test moves by hand (no waiting, no timing): set or advance {@link #now}. */
public final class MovingClock extends Clock {

    public Instant now = Instant.parse("2026-12-05T09:00:00Z");

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
