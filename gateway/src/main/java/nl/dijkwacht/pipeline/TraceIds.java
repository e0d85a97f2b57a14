package nl.dijkwacht.pipeline;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Trace ids: UUIDs of version 7 (RFC 9562) — the Unix time in milliseconds in the first 48 bits, then 74 random bits
 * from a cryptographic random generator. Still unguessable, but time-ordered: the audit store's trace-id index then
 * grows at its end like its other indexes, instead of every record rewriting a random leaf of it (on the embedded
 * store about half the bytes written per record; docs/benchmarks.md, "Embedded store levers"). The text form sorts by
 * time.
 *
 * <p>The random bits come from the JDK's DRBG (NIST SP 800-90A Hash_DRBG), seeded once from the operating system.
 * {@link UUID#randomUUID()}'s generator (NativePRNG) reads {@code /dev/urandom} again whenever its buffered bytes are
 * older than 100 ms, so every request after a pause paid a file read before its pipeline started (session 33, obs18).
 */
public final class TraceIds {

    private static final SecureRandom RANDOM = randomSource();

    private TraceIds() {
    }

    public static String next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return at(System.currentTimeMillis(), versionFour(bits)).toString();
    }

    /** The version-7 id for {@code epochMillis}, with the random bits of {@code random} (a version-4 UUID). */
    static UUID at(long epochMillis, UUID random) {
        long high = (epochMillis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(high, random.getLeastSignificantBits()); // the low half keeps the RFC variant bits
    }

    /** Sixteen random bytes as a version-4 UUID, exactly as {@link UUID#randomUUID()} marks them. */
    static UUID versionFour(byte[] bits) {
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bits[i] & 0xFF);
            low = (low << 8) | (bits[i + 8] & 0xFF);
        }
        high = (high & ~0xF000L) | 0x4000L; // version 4
        low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // the RFC variant
        return new UUID(high, low);
    }

    static SecureRandom randomSource() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK's DRBG is missing", e);
        }
    }
}
