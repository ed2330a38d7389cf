package org.tipline.triage.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UnlockBudgetTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void theSlotsFollowTheHeapNotAFixedCount() {
        assertThat(new UnlockBudget(512 * MIB, 0.6).slots()).isEqualTo(2);
        assertThat(new UnlockBudget(2048 * MIB, 0.6).slots()).isEqualTo(8);
        assertThat(new UnlockBudget(128 * MIB, 0.6).slots()).isEqualTo(1);
    }

    @Test
    void manyConcurrentAnonymousUnlocksNeverExceedTheirLaneAndLeaveASlotForTrustedOnes() throws Exception {
        var budget = new UnlockBudget(1024 * MIB, 0.6);
        assertThat(budget.slots()).isEqualTo(4);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        for (int i = 0; i < 40; i++) {
            pool.submit(() -> {
                try {
                    return budget.run(UnlockBudget.Lane.ANONYMOUS, () -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        await(release);
                        running.decrementAndGet();
                        return true;
                    });
                } catch (UnlockBudget.BusyException refused) {
                    busy.incrementAndGet();
                    return false;
                }
            });
        }
        while (running.get() < 3) {
            Thread.sleep(10);
        }
        // Strangers hold every slot they may; a staff member on a trusted device still runs at once.
        assertThat(budget.run(UnlockBudget.Lane.TRUSTED, () -> "unlocked")).isEqualTo("unlocked");
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isFalse();
        release.countDown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(3);
        assertThat(busy.get()).isEqualTo(37);
        assertThat(budget.peakConcurrent()).isLessThanOrEqualTo(budget.slots());
        assertThatThrownBy(() -> budget.run(UnlockBudget.Lane.ANONYMOUS, () -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(budget.run(UnlockBudget.Lane.ANONYMOUS, () -> "slots released after a failure"))
                .isNotNull();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
