package org.tipline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.model.crypto.Receipt;
import org.tipline.testsupport.TestDatabase;

/**
 * Two intake instances and one triage instance against one PostgreSQL, behind nginx on loopback, as a small
 * deployment runs them. Tips sent through the balancer reach both instances and each lands exactly once; killing one
 * intake instance in the middle of a bounded load loses no tip a client was given a receipt for. The second intake
 * reads its database password from a file (configtree), writes JSON logs and serves metrics on its management port.
 * Needs nginx (Debian package); `.ci/run` installs it and runs this in the multi-instance profile.
 */
class MultiInstanceIT {

    private static final String MARKER = "Quillmarsh";
    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt-code\">(.+?)</p>");
    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");

    @TempDir
    static Path data;

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final List<Process> PROCESSES = new ArrayList<>();
    private static int intakeA;
    private static int intakeB;
    private static int managementB;
    private static int balancer;
    private static Process secondIntake;

    @BeforeAll
    static void startEverything() throws Exception {
        intakeA = TestProcesses.freePort();
        intakeB = TestProcesses.freePort();
        managementB = TestProcesses.freePort();
        balancer = TestProcesses.freePort();
        String powSecret = Base64.getEncoder().encodeToString("multi-instance-test-proof-of-work".getBytes());
        Map<String, String> shared = Map.of(
                "TIPLINE_PROOF_OF_WORK", "false",
                "TIPLINE_PROOF_OF_WORK_SECRET", powSecret,
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
                "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,prometheus");

        var launcher = new ProcessBuilder(TestProcesses.java(), "-jar", System.getProperty("tipline.launcher.jar"))
                .redirectErrorStream(true);
        launcher.environment().putAll(shared);
        launcher.environment()
                .putAll(Map.of(
                        "TIPLINE_DATA_DIR", data.toString(),
                        "TIPLINE_INTAKE_PORT", Integer.toString(intakeA),
                        "TIPLINE_TRIAGE_PORT", Integer.toString(TestProcesses.freePort()),
                        "TIPLINE_DB_URL", DATABASE.jdbcUrl(),
                        "TIPLINE_DB_OWNER_USER", DATABASE.ownerUser(),
                        "TIPLINE_DB_OWNER_PASSWORD", DATABASE.ownerPassword(),
                        "TIPLINE_INTAKE_DB_PASSWORD", DATABASE.rolePassword(),
                        "TIPLINE_TRIAGE_DB_PASSWORD", DATABASE.rolePassword()));
        TestProcesses.awaitLine(start(launcher), "Tipline is running", Duration.ofSeconds(180));

        Path secrets = Files.createDirectories(data.resolve("secrets"));
        Files.writeString(secrets.resolve("TIPLINE_INTAKE_DB_PASSWORD"), DATABASE.rolePassword());
        var second = new ProcessBuilder(
                        TestProcesses.java(),
                        "-Xmx384m",
                        "-jar",
                        data.resolve("apps/intake-web.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("logs/intake-b.log").toFile());
        second.environment().putAll(shared);
        second.environment()
                .putAll(Map.of(
                        "TIPLINE_DB_URL", DATABASE.jdbcUrl(),
                        "TIPLINE_INTAKE_PORT", Integer.toString(intakeB),
                        "TIPLINE_INTAKE_PUBLIC_KEY_FILE",
                                data.resolve("tip-line-public-key.txt").toString(),
                        "SPRING_CONFIG_IMPORT", "configtree:" + secrets + "/",
                        "MANAGEMENT_SERVER_PORT", Integer.toString(managementB)));
        secondIntake = start(second);
        TestProcesses.awaitHttp(
                "http://127.0.0.1:" + managementB + "/actuator/health/readiness", Duration.ofSeconds(120));

        Path nginx = Files.createDirectories(data.resolve("nginx"));
        for (String dir : List.of("body", "proxy", "fastcgi", "uwsgi", "scgi", "logs")) {
            Path created = Files.createDirectories(nginx.resolve(dir));
            created.toFile().setWritable(true, false);
        }
        Files.writeString(nginx.resolve("busy.html"), """
                <!DOCTYPE html><html lang="en"><title>Please send again</title>
                <p>The tip line is busy and your tip was not sent yet. Press Send again in a moment:
                sending the same form twice files it only once.</p></html>
                """);
        Files.writeString(nginx.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream intake {
                        server 127.0.0.1:%2$d max_fails=1 fail_timeout=10s;
                        server 127.0.0.1:%3$d max_fails=1 fail_timeout=10s;
                    }
                    server {
                        listen 127.0.0.1:%4$d;
                        client_max_body_size 60m;
                        location / {
                            proxy_pass http://intake;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            # A submission is idempotent (ADR 8): retrying a POST on the other instance files one tip.
                            proxy_next_upstream error timeout http_502 http_503 non_idempotent;
                            proxy_connect_timeout 2s;
                            proxy_intercept_errors on;
                            error_page 502 503 504 /busy.html;
                        }
                        location = /busy.html { root %1$s; internal; }
                    }
                }
                """.formatted(nginx, intakeA, intakeB, balancer));
        start(new ProcessBuilder(
                        "nginx",
                        "-p",
                        nginx.toString(),
                        "-c",
                        nginx.resolve("nginx.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(nginx.resolve("logs/stdout.log").toFile()));
        TestProcesses.awaitHttp("http://127.0.0.1:" + balancer + "/", Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        for (Process process : reversed(PROCESSES)) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void tipsReachBothInstancesLandOnceAndSurviveAnInstanceBeingKilled() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        load(http, 4, 15, acknowledged, refused, null);
        assertThat(acknowledged).hasSize(60);
        double servedByA = tipsReceived(intakeA);
        double servedByB = tipsReceived(managementB);
        assertThat(servedByA).as("instance A filed tips").isPositive();
        assertThat(servedByB).as("instance B filed tips").isPositive();
        assertThat(servedByA + servedByB).isEqualTo(60.0);

        AtomicInteger sent = new AtomicInteger();
        load(http, 8, 40, acknowledged, refused, () -> {
            if (sent.incrementAndGet() == 80) {
                secondIntake.destroyForcibly();
            }
        });
        assertThat(secondIntake.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // The figures docs/reliability.md records.
        System.out.printf(
                "multi-instance: first phase A=%.0f B=%.0f; with B killed at the 80th of 320: acknowledged=%d refused=%d%n",
                servedByA, servedByB, acknowledged.size() - 60, refused.get());
        assertThat(acknowledged.size() + refused.get()).isEqualTo(60 + 320);
        assertThat(acknowledged.size())
                .as("most tips acknowledged despite the kill")
                .isGreaterThan(300);
        try (var owner = DATABASE.connectAsOwner();
                var lookup = owner.prepareStatement("SELECT count(*) FROM tip WHERE receipt_lookup = ?")) {
            for (String receipt : acknowledged) {
                lookup.setBytes(1, Receipt.lookupId(receipt));
                try (var rs = lookup.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1))
                            .as("receipt " + receipt + " has exactly one tip")
                            .isEqualTo(1);
                }
            }
            try (var rs = owner.createStatement().executeQuery("SELECT count(*) FROM tip")) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("every stored tip was acknowledged, or its client was told to send again")
                        .isBetween(acknowledged.size(), acknowledged.size() + refused.get());
            }
        }
        List<String> log = Files.readAllLines(data.resolve("logs/intake-b.log"));
        assertThat(log).isNotEmpty();
        assertThat(log.stream().filter(line -> line.startsWith("{")).count())
                .as("JSON log lines")
                .isGreaterThan(3);
        assertThat(String.join("\n", log)).doesNotContain(MARKER);
    }

    /** Each client files its tips one after another, retrying a tip with the same form when told to send again. */
    private static void load(
            HttpClient http,
            int clients,
            int tipsEach,
            Set<String> acknowledged,
            AtomicInteger refused,
            Runnable beforeEachTip)
            throws Exception {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < tipsEach; i++) {
                    if (beforeEachTip != null) {
                        beforeEachTip.run();
                    }
                    String receipt = fileOneTip(http);
                    if (receipt == null) {
                        refused.incrementAndGet();
                    } else {
                        acknowledged.add(receipt);
                    }
                }
            }));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    }

    /** Files one tip; a "send again" page or a broken connection is retried with the same form, as a tipster would. */
    private static String fileOneTip(HttpClient http) {
        String base = "http://127.0.0.1:" + balancer;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                String form = http.send(
                                HttpRequest.newBuilder(URI.create(base + "/")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                Matcher token = SUBMISSION.matcher(form);
                if (!token.find()) {
                    continue;
                }
                String body = "submission=" + encode(token.group(1))
                        + "&location=" + encode("Harbor Road, Norwalk")
                        + "&details=" + encode(MARKER + " van behind the warehouse every night");
                for (int send = 0; send < 3; send++) {
                    var response = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/tips"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    Matcher receipt = RECEIPT.matcher(response.body());
                    if (response.statusCode() == 200 && receipt.find()) {
                        return receipt.group(1).replaceAll("<[^>]+>", "");
                    }
                }
            } catch (IOException brokenConnection) {
                // Sent again below, with a fresh form: the old one may or may not have been filed.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static double tipsReceived(int port) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("tipline_tips_received_total\\{tier=\"STANDARD\"} ([0-9.]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        PROCESSES.add(process);
        return process;
    }

    private static List<Process> reversed(List<Process> processes) {
        List<Process> copy = new ArrayList<>(processes);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
