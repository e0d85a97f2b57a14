package nl.dijkwacht.response;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The characters of streamed tool-call arguments this replica holds, over all its streams, against one bound
 * ({@code dijkwacht.max-held-tool-arguments-total}): each stream is bounded on its own (json28), but a thousand hostile
 * streams of a mebibyte each would still hold gigabytes (leftover45). A stream takes its characters as it holds them and
 * gives them all back when it ends, however it ends ({@link StreamRewriter#close}, {@link HeldToolArguments}); one that cannot take its share is
 * ended with an error event.
 */
public final class HeldArguments {

    private final long limit;
    private final AtomicLong held = new AtomicLong();

    /** @param limit characters held at most over all streams of this replica */
    public HeldArguments(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("dijkwacht.max-held-tool-arguments-total must be positive");
        }
        this.limit = limit;
    }

    /** No bound over the streams (each stream's own bound still holds). */
    public static HeldArguments unbounded() {
        return new HeldArguments(Long.MAX_VALUE);
    }

    /** Takes {@code characters} if the replica's bound leaves room for them; false (nothing taken) when it does not. */
    boolean take(long characters) {
        long now;
        do {
            now = held.get();
            if (characters > limit - now) {
                return false;
            }
        } while (!held.compareAndSet(now, now + characters));
        return true;
    }

    void give(long characters) {
        held.addAndGet(-characters);
    }

    /** Characters held now, over all streams ({@code dijkwacht_stream_held_tool_arguments}). */
    public long held() {
        return held.get();
    }

    public long limit() {
        return limit;
    }
}
