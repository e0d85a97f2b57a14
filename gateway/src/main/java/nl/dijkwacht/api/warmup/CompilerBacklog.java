package nl.dijkwacht.api.warmup;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The warm-up's requests give way to the C2 compiler while it is behind ({@code dijkwacht.warm-up.yield-to-compiler}).
 *
 * <p>On two cores the two warm-up threads, the requests they cause and the compiler threads share the CPU, and the one
 * C2 thread got about half a core while its queue was never empty; what it had not compiled by readiness it compiled
 * during the first minutes of real traffic, most of it methods the warm-up had already made hot
 * (docs/history/benchmark-sessions.md, "jit23"). While more than {@value #BEHIND} compilations wait
 * for C2 (HotSpot's own "C2 is behind" mark, {@code Tier3DelayOn}, for one C2 thread) the warm-up threads pause between
 * requests, so C2 gets the core; once the queue is short they go on and make the next methods hot. Off by default:
 * the two runs so far did not separate it from the machine's load. The mark is for one C2 thread; a machine with more
 * would pause sooner than it needs to.
 */
final class CompilerBacklog {

    /** Waiting C2 compilations above which the warm-up pauses. */
    static final int BEHIND = 5;

    private static final long PAUSE_MILLIS = 20;

    private volatile boolean behind;
    private final AtomicLong pausedMillis = new AtomicLong();

    /** Takes the number of compilations waiting for C2 at the latest look (negative: unknown, never pause). */
    void seen(int waitingForC2) {
        behind = waitingForC2 > BEHIND;
    }

    /** The warm-up is over: no thread waits any more. */
    void release() {
        behind = false;
    }

    /** Called by a warm-up thread before each request: sleeps while C2 is behind, at most until {@code deadline}. */
    void awaitCompiler(long deadline) {
        long start = System.nanoTime();
        while (behind && System.nanoTime() < deadline) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long waited = (System.nanoTime() - start) / 1_000_000;
        if (waited > 0) {
            pausedMillis.addAndGet(waited);
        }
    }

    /** Milliseconds the warm-up threads paused for the compiler, all threads together. */
    long pausedMillis() {
        return pausedMillis.get();
    }

    /** Compilations waiting in the C2 queue in the text of {@code Compiler.queue} (the lines under its heading). */
    static int waitingForC2(String queue) {
        int waiting = 0;
        boolean inC2 = false;
        for (String raw : queue.split("\n")) {
            String line = raw.strip();
            if (line.endsWith(":") || line.startsWith("Current compiles")) {
                inC2 = line.startsWith("C2 compile queue");
                continue;
            }
            if (inC2 && !line.isEmpty() && !line.equals("Empty")) {
                waiting++;
            }
        }
        return waiting;
    }
}
