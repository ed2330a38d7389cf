package org.tipline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.tipline.testsupport.Ports;
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
        intakeA = Ports.free();
        intakeB = Ports.free();
        managementB = Ports.free();
        balancer = Ports.free();
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
                        "TIPLINE_TRIAGE_PORT", Integer.toString(Ports.free()),
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
        PROCESSES.add(Nginx.start(
                nginx, Nginx.publicForm(nginx, balancer, intakeA, intakeB), "http://127.0.0.1:" + balancer + "/"));
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
                    String receipt = PublicForm.fileOneTip(
                            http, "http://127.0.0.1:" + balancer, MARKER + " van behind the warehouse every night");
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
}
