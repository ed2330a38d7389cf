package org.tipline.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.tipline.testsupport.TestDatabase;

/** Starting the launcher and the apps as processes, for the tests that run them as an operator would. */
final class TestProcesses {

    private TestProcesses() {}

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Starts the local launcher ({@code tipline.launcher.jar}) with {@code environment} added to this JVM's own. */
    static Process startLauncher(Map<String, String> environment) throws IOException {
        var builder = new ProcessBuilder(java(), "-jar", System.getProperty("tipline.launcher.jar"))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * The launcher's settings for a data directory and two ports, with both apps on {@code database} instead of the
     * PostgreSQL the launcher would start itself.
     */
    static Map<String, String> launcherOn(TestDatabase database, Path dataDirectory, int intakePort, int triagePort) {
        return Map.of(
                "TIPLINE_DATA_DIR", dataDirectory.toString(),
                "TIPLINE_INTAKE_PORT", Integer.toString(intakePort),
                "TIPLINE_TRIAGE_PORT", Integer.toString(triagePort),
                "TIPLINE_DB_URL", database.jdbcUrl(),
                "TIPLINE_DB_OWNER_USER", database.ownerUser(),
                "TIPLINE_DB_OWNER_PASSWORD", database.ownerPassword(),
                "TIPLINE_INTAKE_DB_PASSWORD", database.rolePassword(),
                "TIPLINE_TRIAGE_DB_PASSWORD", database.rolePassword());
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
