package org.tipline.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load on the public form: N clients each post a realistic tip, wait for the receipt, and post again,
 * for a fixed time and never more than a fixed number of requests. Prints accepted tips per second and latency
 * percentiles. Sends only to the URL given, which must be on this machine.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.tipline.benchmarks.IntakeLoad http://127.0.0.1:8080 32 60</pre>
 */
public final class IntakeLoad {

    private static final int MAX_REQUESTS_PER_CLIENT = 1_000_000;

    private IntakeLoad() {}

    public static void main(String[] args) throws Exception {
        URI target = URI.create(args[0] + "/tips");
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(target.getHost())) {
            throw new IllegalArgumentException("load is only ever sent to this machine");
        }
        int clients = Integer.parseInt(args[1]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
        String body = "location=" + encode("Sunrise Spa, 1200 Connecticut Ave, Norwalk")
                + "&people=" + encode("two women about 20, a man about 45 who answers for them; ".repeat(4))
                + "&vehicles=" + encode("grey minivan CT AB-1234, dented rear door")
                + "&indicators=appears-controlled&indicators=lives-at-workplace"
                + "&details=" + encode("lights on all night, customers arrive by appointment only. ".repeat(8));
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        long end = System.nanoTime() + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[MAX_REQUESTS_PER_CLIENT];
            latencies.add(mine);
            int client = c;
            Thread thread = new Thread(() -> {
                int n = 0;
                try {
                    while (System.nanoTime() < end && n < MAX_REQUESTS_PER_CLIENT) {
                        long start = System.nanoTime();
                        var response = http.send(
                                HttpRequest.newBuilder(target)
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        long elapsed = System.nanoTime() - start;
                        if (response.statusCode() == 200 && response.body().contains("receipt-code")) {
                            mine[n++] = elapsed;
                            accepted.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    System.err.println("client " + client + ": " + e);
                } finally {
                    latencies.set(client, Arrays.copyOf(mine, n));
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = duration.toMillis() / 1000.0;
        System.out.printf(
                "clients=%d seconds=%.0f accepted=%d failed=%d tips/s=%.1f p50=%.1fms p99=%.1fms max=%.1fms%n",
                clients,
                seconds,
                accepted.get(),
                failed.get(),
                accepted.get() / seconds,
                percentile(all, 0.50),
                percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0
                ? 0
                : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
