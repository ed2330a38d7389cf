package org.tipline.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starting the launcher and the apps as processes, for the tests that run them as an operator would. */
final class TestProcesses {

    private TestProcesses() {}

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Reads the process's output until a line contains {@code expected}; fails with the output if it exits first. */
    static void awaitLine(Process process, String expected, Duration timeout) throws Exception {
        var seen = new CompletableFuture<Void>();
        var output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (var lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.contains(expected)) {
                        seen.complete(null);
                    }
                }
                seen.completeExceptionally(new IllegalStateException("exited:\n" + output));
            } catch (IOException e) {
                seen.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        seen.get(timeout.toSeconds(), TimeUnit.SECONDS);
    }

    /** Waits until the URL answers 200. */
    static void awaitHttp(String url, Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(url + " did not answer within " + timeout.toSeconds() + " s");
    }
}
