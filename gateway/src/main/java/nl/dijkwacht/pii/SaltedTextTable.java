package nl.dijkwacht.pii;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A fixed table of answers for texts a chat tool sends again and again (the system prompt, earlier turns), addressed by
 * a SHA-256 of the text salted per process ({@link SaltedDigest}): it keeps no text, and a dictionary of values cannot
 * be hashed against it. A new text replaces whatever held its slot — no upkeep, lock-free, entries immutable. Shared
 * by the PII engine's {@link RepeatedTexts} and the purpose guard's per-message readings.
 *
 * @param <V> the answer kept per text; must be immutable
 */
public final class SaltedTextTable<V> {

    private record Key(long a, long b, long c, long d) {
    }

    private record Entry<V>(Key key, V value) {
    }

    private final AtomicReferenceArray<Entry<V>> slots;
    private final int mask;
    private final MessageDigest saltedDigest;

    /** @param size slots, rounded up to a power of two; 0 or less: no table, every text is computed */
    public SaltedTextTable(int size) {
        int capacity = size <= 0 ? 0 : Integer.highestOneBit(Math.max(1, size - 1)) << 1;
        this.slots = capacity == 0 ? null : new AtomicReferenceArray<>(capacity);
        this.mask = capacity - 1;
        this.saltedDigest = SaltedDigest.newSha256();
    }

    /** The answer for {@code text}: from the table when its slot holds it, else {@code compute}'s, which is then kept. */
    public V get(String text, Function<String, V> compute) {
        return get(text, compute, v -> true);
    }

    /**
     * As {@link #get(String, Function)}, taking a kept answer only when {@code usable} accepts it (e.g. it was read
     * under the same policy).
     */
    public V get(String text, Function<String, V> compute, Predicate<V> usable) {
        if (slots == null || text == null) {
            return compute.apply(text);
        }
        Key key = key(text);
        int slot = (int) key.a() & mask;
        Entry<V> e = slots.getAcquire(slot);
        if (e != null && e.key().equals(key) && usable.test(e.value())) {
            return e.value();
        }
        V value = compute.apply(text);
        slots.setRelease(slot, new Entry<>(key, value));
        return value;
    }

    private Key key(String text) {
        MessageDigest sha;
        try {
            sha = (MessageDigest) saltedDigest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be cloned", e);
        }
        // the UTF-16 units as they are: an encoding would turn a lone surrogate into '?' and two texts into one key
        byte[] units = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            units[2 * i] = (byte) (c >>> 8);
            units[2 * i + 1] = (byte) c;
        }
        ByteBuffer digest = ByteBuffer.wrap(sha.digest(units));
        return new Key(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
    }
}
