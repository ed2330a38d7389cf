package org.tipline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.jdbc.provisioning.Provisioning;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.Receipt;
import org.tipline.testsupport.Ports;

/**
 * PostgreSQL is stopped and started again while tipsters keep sending. Tipsters who press Send while it is down are
 * asked to send again (503, everything kept) and do; afterwards every receipt that was shown has exactly one tip.
 * Uses its own embedded PostgreSQL (fsync on) so that it can stop it; run in the multi-instance profile.
 */
class DatabaseRestartIT {

    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt-code\">(.+?)</p>");
    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "restart-test-role-password";
    private static final Map<String, Integer> OTHER = new ConcurrentHashMap<>();

    @TempDir
    Path data;

    @Test
    void noAcknowledgedTipIsLostWhenPostgresRestartsDuringSubmissions() throws Exception {
        int dbPort = Ports.free();
        EmbeddedPostgres postgres = start(dbPort);
        String url = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
        try (Connection owner = DriverManager.getConnection(url, "postgres", "")) {
            for (String role : List.of("tipline_intake", "tipline_triage")) {
                owner.createStatement().execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
        }
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .placeholders(Map.of("intakeRole", "tipline_intake", "triageRole", "tipline_triage"))
                .load()
                .migrate();
        Path publicKey = data.resolve("tip-line-public-key.txt");
        try (Connection owner = DriverManager.getConnection(url, "postgres", "")) {
            Files.writeString(
                    publicKey,
                    Provisioning.createEpoch(owner, 1, HpkeSuite.XWING)
                            .publicKey()
                            .encode());
        }

        int intakePort = Ports.free();
        var builder = new ProcessBuilder(
                        TestProcesses.java(),
                        "-Xmx384m",
                        "-jar",
                        Path.of("target/classes/apps/intake-web.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/database-restart-intake.log").toFile());
        builder.environment()
                .putAll(Map.of(
                        "TIPLINE_DB_URL",
                        url,
                        "TIPLINE_INTAKE_DB_PASSWORD",
                        PASSWORD,
                        "TIPLINE_INTAKE_PUBLIC_KEY_FILE",
                        publicKey.toString(),
                        "TIPLINE_INTAKE_PORT",
                        Integer.toString(intakePort),
                        "TIPLINE_PROOF_OF_WORK",
                        "false",
                        "TIPLINE_INTAKE_DB_WAIT",
                        "1000"));
        Process intake = builder.start();
        try {
            TestProcesses.awaitHttp(
                    "http://127.0.0.1:" + intakePort + "/actuator/health/readiness", Duration.ofSeconds(120));
            String base = "http://127.0.0.1:" + intakePort;
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger askedToSendAgain = new AtomicInteger();
            AtomicInteger given = new AtomicInteger();
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                clients.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 50; i++) {
                        String receipt = fileOneTip(http, base, askedToSendAgain);
                        if (receipt != null) {
                            acknowledged.add(receipt);
                        } else {
                            given.incrementAndGet();
                        }
                    }
                }));
            }
            await(() -> acknowledged.size() >= 40);
            postgres.close();
            Thread.sleep(3000);
            postgres = start(dbPort);
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);

            // The figures docs/reliability.md records.
            System.out.printf(
                    "database restart: acknowledged=%d asked to send again=%d gave up=%d%n",
                    acknowledged.size(), askedToSendAgain.get(), given.get());
            assertThat(askedToSendAgain.get())
                    .as("tipsters were asked to send again while it was down; other answers: " + OTHER)
                    .isPositive();
            assertThat(given.get()).as("no tipster gave up").isZero();
            assertThat(acknowledged).hasSize(200);
            try (Connection owner = DriverManager.getConnection(url, "postgres", "");
                    var lookup = owner.prepareStatement("SELECT count(*) FROM tip WHERE receipt_lookup = ?")) {
                for (String receipt : acknowledged) {
                    lookup.setBytes(1, Receipt.lookupId(receipt));
                    try (var rs = lookup.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("receipt " + receipt).isEqualTo(1);
                    }
                }
                try (var rs = owner.createStatement().executeQuery("SELECT count(*) FROM tip")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(200);
                }
            }
            assertThat(Files.readString(Path.of("target/database-restart-intake.log")))
                    .as("the intake log")
                    .doesNotContain("restart test")
                    .doesNotContain(" ERROR ");
        } finally {
            intake.destroy();
            intake.waitFor(30, TimeUnit.SECONDS);
            postgres.close();
        }
    }

    /** One tipster: a form, then Send until a receipt comes back, pausing when asked to send again (at most 60 s). */
    private static String fileOneTip(HttpClient http, String base, AtomicInteger askedToSendAgain) {
        Instant giveUp = Instant.now().plusSeconds(60);
        try {
            String body = null;
            while (Instant.now().isBefore(giveUp)) {
                try {
                    if (body == null) {
                        var form = http.send(
                                HttpRequest.newBuilder(URI.create(base + "/")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        Matcher token = SUBMISSION.matcher(form.body());
                        if (!token.find()) {
                            Thread.sleep(200);
                            continue;
                        }
                        body = "submission=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
                                + "&location=Pier+7&details=restart+test";
                    }
                    var response = PublicForm.post(http, base + "/tips", body);
                    Matcher receipt = RECEIPT.matcher(response.body());
                    if (response.statusCode() == 200 && receipt.find()) {
                        return receipt.group(1).replaceAll("<[^>]+>", "");
                    }
                    if (response.statusCode() == 503 && response.body().contains("restart test")) {
                        askedToSendAgain.incrementAndGet();
                    } else {
                        OTHER.merge(
                                response.statusCode() + " "
                                        + response.body()
                                                .replaceAll("\\s+", " ")
                                                .substring(
                                                        0,
                                                        Math.min(
                                                                200,
                                                                response.body().length())),
                                1,
                                Integer::sum);
                    }
                } catch (IOException broken) {
                    // The connection dropped; send the same form again.
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
