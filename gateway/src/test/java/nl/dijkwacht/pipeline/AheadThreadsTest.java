package nl.dijkwacht.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AheadThreadsTest {

    @Test
    void runsTheWorkOnAWaitingPlatformDaemonThreadNotTheCaller() throws Exception {
        AheadThreads helpers = new AheadThreads(1);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        helpers.execute(() -> {
            ranOn.set(Thread.currentThread());
            done.countDown();
        });
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(ranOn.get().isVirtual()).isFalse();
        assertThat(ranOn.get().isDaemon()).as("never keeps the JVM alive").isTrue();
        assertThat(ranOn.get().getName()).startsWith("step-ahead-");
    }

    @Test
    void whenEveryHelperIsBusyTheWorkIsDroppedSoTheRequestThreadDoesItItself() throws Exception {
        AheadThreads helpers = new AheadThreads(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        helpers.execute(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean secondRan = new AtomicBoolean();
        helpers.execute(() -> secondRan.set(true));
        release.countDown();

        CountDownLatch third = new CountDownLatch(1);
        // the helper takes new work again once it is free (it waits for it; a hand-off may miss it while it returns)
        for (int i = 0; i < 10_000 && third.getCount() > 0; i++) {
            helpers.execute(third::countDown);
            third.await(10, TimeUnit.MILLISECONDS);
        }
        assertThat(third.getCount()).as("a free helper runs new work").isZero();
        assertThat(secondRan).as("work handed over while the only helper was busy is dropped, not queued").isFalse();
    }

    @Test
    void atLeastOneHelper() throws Exception {
        AheadThreads helpers = new AheadThreads(0);
        CountDownLatch done = new CountDownLatch(1);
        helpers.execute(done::countDown);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    }
}
