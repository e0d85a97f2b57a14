package nl.dijkwacht.api.warmup;

import java.util.List;

/**
 * The warm-up's criterion for "the request path is compiled": the JIT compiler quiet ({@link JitActivity}: nothing
 * compiling, nothing queued) at several looks in a row — while the requests run, to end them early
 * ({@code dijkwacht.warm-up.until-steady}), and after them, so that the last compilations they made hot, queued behind
 * each other, do not run during the first real requests.
 */
final class JitSettling {

    private final JitActivity jit;

    JitSettling(JitActivity jit) {
        this.jit = jit;
    }

    /**
     * While the requests run: true as soon as (after {@code notBefore}) the JIT compiler was idle at four looks 250 ms
     * apart in a row; false when the requests ended or the deadline came first.
     */
    boolean quietWhileRunning(List<Thread> threads, long notBefore, long deadline) {
        if (!jit.available()) {
            return false;
        }
        int quietWindows = 0;
        while (System.nanoTime() < deadline && threads.stream().anyMatch(Thread::isAlive)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            quietWindows = jit.idle(25) ? quietWindows + 1 : 0;
            if (quietWindows >= 4 && System.nanoTime() >= notBefore) {
                return true;
            }
        }
        return false;
    }

    /**
     * After the requests: waits (at most until {@code deadline}) until the JIT compiler is idle at two looks 200 ms
     * apart in a row.
     *
     * @return milliseconds waited
     */
    long settle(long deadline) {
        if (!jit.available()) {
            return 0;
        }
        long start = System.nanoTime();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            quiet = jit.idle(20) ? quiet + 1 : 0;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
