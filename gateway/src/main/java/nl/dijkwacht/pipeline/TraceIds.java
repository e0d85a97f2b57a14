package nl.dijkwacht.pipeline;

import java.util.UUID;

/**
 * Trace ids: UUIDs of version 7 (RFC 9562) — the Unix time in milliseconds in the first 48 bits, then 74 random bits
 * from the same {@code SecureRandom} as {@link UUID#randomUUID()}. Still unguessable, but time-ordered: the audit
 * store's trace-id index then grows at its end like its other indexes, instead of every record rewriting a random
 * leaf of it (on the embedded store about half the bytes written per record; docs/benchmarks.md, "Embedded store
 * levers"). The text form sorts by time.
 */
public final class TraceIds {

    private TraceIds() {
    }

    public static String next() {
        return at(System.currentTimeMillis(), UUID.randomUUID()).toString();
    }

    /** The version-7 id for {@code epochMillis}, with the random bits of {@code random} (a version-4 UUID). */
    static UUID at(long epochMillis, UUID random) {
        long high = (epochMillis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(high, random.getLeastSignificantBits()); // the low half keeps the RFC variant bits
    }
}
