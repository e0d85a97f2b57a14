package nl.dijkwacht.invoke;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes upstream exchanges that stay silent longer than their timeout, so a stalled model cannot hold a request open
 * for ever: a stream between its events, and a model call waiting for its answer. One sweeper thread checks all open
 * exchanges five times a second, so a timeout ends up to 200 ms after it is due.
 *
 * <p>The upstream client's socket reads are untimed and this is their only timeout: a timed read on a virtual thread
 * sets a timer on the JDK's delay-scheduler thread when it has to wait and cancels it when the data comes, waking that
 * thread twice per wait (docs/history/benchmark-sessions.md, first17 and obs18); here a wait costs a place in a set.
 */
public final class IdleWatchdog implements AutoCloseable {

    private final Set<Watch> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dijkwacht-stream-watchdog");
        t.setDaemon(true);
        return t;
    });

    public IdleWatchdog() {
        sweeper.scheduleWithFixedDelay(this::sweep, 200, 200, TimeUnit.MILLISECONDS);
    }

    public Watch watch(Closeable stream, Duration idleTimeout) {
        Watch watch = new Watch(stream, idleTimeout.toNanos());
        open.add(watch);
        return watch;
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Watch watch : open) {
            if (now - watch.lastActivity > watch.idleNanos) {
                watch.expired = true;
                open.remove(watch);
                try {
                    watch.stream.close();
                } catch (IOException | RuntimeException ignored) {
                    // the reader sees the closed stream and reports the timeout
                }
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    public final class Watch implements AutoCloseable {
        private final Closeable stream;
        private volatile long idleNanos;
        private volatile long lastActivity = System.nanoTime();
        private volatile boolean expired;

        private Watch(Closeable stream, long idleNanos) {
            this.stream = stream;
            this.idleNanos = idleNanos;
        }

        public void touch() {
            lastActivity = System.nanoTime();
        }

        /** From now on, silence longer than {@code idleTimeout} ends the exchange. */
        public void retime(Duration idleTimeout) {
            lastActivity = System.nanoTime();
            idleNanos = idleTimeout.toNanos();
        }

        public boolean expired() {
            return expired;
        }

        @Override
        public void close() {
            open.remove(this);
        }
    }
}
