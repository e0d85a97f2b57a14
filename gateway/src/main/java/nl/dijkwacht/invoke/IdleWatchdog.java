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
 * Closes upstream streams that stay silent longer than their timeout, so a stalled model cannot hold a
 * request open for ever. One sweeper thread checks all open streams a few times a second.
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
        private final long idleNanos;
        private volatile long lastActivity = System.nanoTime();
        private volatile boolean expired;

        private Watch(Closeable stream, long idleNanos) {
            this.stream = stream;
            this.idleNanos = idleNanos;
        }

        public void touch() {
            lastActivity = System.nanoTime();
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
