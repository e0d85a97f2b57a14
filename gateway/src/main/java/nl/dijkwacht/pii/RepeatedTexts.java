package nl.dijkwacht.pii;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import nl.dijkwacht.pii.detect.Finding;

/**
 * The engine's findings for texts a chat tool sends again and again: the system prompt (the same on every request of a
 * tool) and the earlier turns of a conversation (a tool resends the whole conversation on every turn, so turn n would
 * otherwise have every earlier message analysed once more — n times in all). The engine is deterministic, so a text's
 * findings are the same whenever it is analysed; only the work is saved.
 *
 * <p>A fixed table addressed by the text's key, as the name model's window cache ({@code DecodedWindows}): a new text
 * replaces whatever held its slot, no upkeep, lock-free, entries immutable. The key is a SHA-256 digest of the text
 * salted per process (never written anywhere), so the table keeps no text and a dictionary of values cannot be hashed
 * against it; the findings themselves hold offsets, types and the names of recognizers, patterns and list words, never
 * text of the prompt. Callers ask it only for texts that are repeats by nature: the message being sent for the first
 * time and the model's answers go to the engine directly, so new text costs no key and does not push repeats out.
 */
public final class RepeatedTexts {

    /** Slots (a power of two); {@code -Ddijkwacht.pii.repeated-text-cache=0} turns the cache off (every text analysed). */
    static final int DEFAULT_SIZE = Integer.getInteger("dijkwacht.pii.repeated-text-cache", 4_096);

    private record Key(long a, long b, long c, long d) {
    }

    private record Entry(Key key, List<Finding> findings) {
    }

    private final PiiEngine engine;
    private final AtomicReferenceArray<Entry> slots;
    private final int mask;
    private final MessageDigest saltedDigest;

    public RepeatedTexts(PiiEngine engine) {
        this(engine, DEFAULT_SIZE);
    }

    /** @param size slots, rounded up to a power of two; 0: no cache */
    public RepeatedTexts(PiiEngine engine, int size) {
        this.engine = engine;
        int capacity = size <= 0 ? 0 : Integer.highestOneBit(Math.max(1, size - 1)) << 1;
        this.slots = capacity == 0 ? null : new AtomicReferenceArray<>(capacity);
        this.mask = capacity - 1;
        this.saltedDigest = SaltedDigest.newSha256();
    }

    /** The engine's findings for {@code text} (see {@link PiiEngine#detect}), from the table when it was seen before. */
    public List<Finding> detect(String text) {
        if (slots == null || text == null) {
            return engine.detect(text);
        }
        Key key = key(text);
        int slot = (int) key.a() & mask;
        Entry e = slots.getAcquire(slot);
        if (e != null && e.key().equals(key)) {
            return e.findings();
        }
        List<Finding> findings = List.copyOf(engine.detect(text));
        slots.setRelease(slot, new Entry(key, findings));
        return findings;
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
