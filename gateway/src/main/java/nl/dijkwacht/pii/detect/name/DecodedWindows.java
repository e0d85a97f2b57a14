package nl.dijkwacht.pii.detect.name;

import java.util.concurrent.atomic.AtomicReferenceArray;
import opennlp.tools.util.Span;

/**
 * What the name model decoded per window, in a fixed table addressed by the window's key: a new window replaces
 * whatever held its slot. No upkeep on a miss (a bounded LRU cache's bookkeeping cost more than the key on text seen
 * for the first time), lock-free, and a slot is only ever read whole (an immutable entry), so a reader sees a window's
 * own spans or none.
 */
final class DecodedWindows {

    private record Entry(WindowKey key, Span[] spans) {
    }

    private final AtomicReferenceArray<Entry> slots;
    private final int mask;

    /** @param size slots, rounded up to a power of two */
    DecodedWindows(int size) {
        int capacity = Integer.highestOneBit(Math.max(1, size - 1)) << 1;
        this.slots = new AtomicReferenceArray<>(capacity);
        this.mask = capacity - 1;
    }

    Span[] get(WindowKey key) {
        Entry e = slots.getAcquire(slot(key));
        return e != null && e.key().equals(key) ? e.spans() : null;
    }

    void put(WindowKey key, Span[] spans) {
        slots.setRelease(slot(key), new Entry(key, spans));
    }

    private int slot(WindowKey key) {
        return (int) key.a() & mask;
    }
}
