package org.tipline.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Coordinators claiming at once with "take next". With no pause between claims this measures the machine at
 * saturation; with a pause it measures a claim's latency while the others keep claiming, at a rate far above any real
 * staff's.
 */
final class TakeNext {

    private TakeNext() {}

    /** Prints the latencies and returns the claims per second. */
    static double inParallel(String label, List<ConsoleSession> sessions, Duration duration, Duration pause)
            throws Exception {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var failures = new ConcurrentLinkedQueue<Exception>();
        var start = new CountDownLatch(1);
        var done = new CountDownLatch(sessions.size());
        long end = System.nanoTime() + duration.toNanos();
        for (ConsoleSession session : sessions) {
            new Thread(() -> {
                        try {
                            start.await();
                            while (System.nanoTime() < end) {
                                long t0 = System.nanoTime();
                                var response = session.post("/queue/take-next", Map.of());
                                latencies.add(System.nanoTime() - t0);
                                String location = response.headers()
                                        .firstValue("Location")
                                        .orElse("");
                                if (location.contains("nothingToTake")) {
                                    break;
                                }
                                if (!location.contains("/tips/")) {
                                    throw new IllegalStateException("take next answered " + response.statusCode());
                                }
                                Thread.sleep(pause.toMillis());
                            }
                        } catch (Exception e) {
                            failures.add(e);
                        } finally {
                            done.countDown();
                        }
                    })
                    .start();
        }
        start.countDown();
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a coordinator failed", failures.peek());
        }
        long[] all = latencies.stream().mapToLong(Long::longValue).toArray();
        double perSecond = all.length / (double) duration.toSeconds();
        Latencies.report(
                "take next, " + label + " (" + sessions.size() + " coordinators in parallel, " + duration.toSeconds()
                        + " s, " + (pause.isZero() ? "no pause" : pause.toMillis() + " ms between one's claims") + ")",
                all);
        System.out.printf("  claims per second: %.0f%n", perSecond);
        return perSecond;
    }
}
