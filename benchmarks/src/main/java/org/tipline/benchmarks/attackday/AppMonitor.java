package org.tipline.benchmarks.attackday;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One app as its operator watches it: heap in use sampled with jstat on its process (found by the jar the launcher
 * started), readiness over HTTP, and OutOfMemoryError lines its log gained since the attack began.
 */
final class AppMonitor {

    private final String name;
    private final URI base;
    private final Path log;
    private final long logOffset;
    private final long pid;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile long peakHeapKib;
    private volatile long maxHeapKib;
    private int samples;
    private int notReady;

    AppMonitor(String name, URI base, Path dataDirectory) throws IOException {
        this.name = name;
        this.base = base;
        this.log = dataDirectory.resolve("logs").resolve(name + ".log");
        this.logOffset = Files.exists(log) ? Files.size(log) : 0;
        String jar = dataDirectory.resolve("apps").resolve(name + ".jar").toString();
        this.pid = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(jar))
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElse(-1);
    }

    void sample() {
        samples++;
        try {
            var readiness = http.send(
                    HttpRequest.newBuilder(base.resolve("/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (readiness.statusCode() != 200) {
                notReady++;
            }
        } catch (IOException | InterruptedException e) {
            notReady++;
        }
        if (pid > 0) {
            long[] heap = heapKib();
            if (heap != null) {
                peakHeapKib = Math.max(peakHeapKib, heap[0]);
                maxHeapKib = heap[1];
            }
        }
    }

    /** Used and committed-capacity heap in KiB from {@code jstat -gc}: survivors, eden and old generation. */
    private long[] heapKib() {
        try {
            Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).start();
            List<String> lines = Arrays.asList(
                    new String(jstat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split("\n"));
            jstat.waitFor();
            if (lines.size() < 2) {
                return null;
            }
            List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
            String[] values = lines.get(1).trim().split("\\s+");
            double used = 0;
            double capacity = 0;
            for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                used += Double.parseDouble(values[header.indexOf(column)]);
            }
            for (String column : List.of("S0C", "S1C", "EC", "OC")) {
                capacity += Double.parseDouble(values[header.indexOf(column)]);
            }
            return new long[] {(long) used, (long) capacity};
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    long outOfMemoryErrors() throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var channel = Files.newByteChannel(log)) {
            channel.position(logOffset);
            byte[] added = java.nio.channels.Channels.newInputStream(channel).readAllBytes();
            String text = new String(added, StandardCharsets.UTF_8);
            return text.lines()
                    .filter(line -> line.contains("OutOfMemoryError"))
                    .count();
        }
    }

    String report() throws IOException {
        return String.format(
                "%-15s pid %-7d peak heap used %5d MiB (committed %d MiB, -Xmx512m); not ready in %d of %d checks;"
                        + " OutOfMemoryError lines in log: %d%s",
                name,
                pid,
                peakHeapKib / 1024,
                maxHeapKib / 1024,
                notReady,
                samples,
                outOfMemoryErrors(),
                ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? "" : "; PROCESS GONE");
    }
}
