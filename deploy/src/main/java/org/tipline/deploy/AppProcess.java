package org.tipline.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the two apps, run as its own JVM from the executable jar embedded in the launcher. */
final class AppProcess {

    private final String name;
    private final int port;
    private final Process process;

    private AppProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Copies the embedded jar out (refreshed each start, so a rebuild takes effect) and starts it. */
    static AppProcess start(String name, int port, Path dataDirectory, Map<String, String> environment)
            throws IOException {
        Path apps = Files.createDirectories(dataDirectory.resolve("apps"));
        Path logs = Files.createDirectories(dataDirectory.resolve("logs"));
        Path jar = apps.resolve(name + ".jar");
        try (InputStream embedded = AppProcess.class.getResourceAsStream("/apps/" + name + ".jar")) {
            if (embedded == null) {
                throw new IllegalStateException(
                        "the launcher was built without " + name + ".jar; run " + "./mvnw -DskipTests install first");
            }
            Files.copy(embedded, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        var builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logs.resolve(name + ".log").toFile()));
        builder.environment().putAll(environment);
        return new AppProcess(name, port, builder.start());
    }

    /** Waits until the app reports ready, or fails early if its process dies. */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + "; see its log in the data directory's logs folder");
            }
            try {
                var response =
                        http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s");
    }

    java.util.concurrent.CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    String name() {
        return name;
    }

    /** Asks the app to shut down gracefully, then insists. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
