package org.tipline.deploy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tipline.testsupport.Ports;
import org.tipline.testsupport.TestDatabase;

/**
 * A small deployment with every app twice: the launcher's triage and intake, a second triage replica and a second
 * intake started from the same jars with the same database, checkpoint key, proof-of-work secret and on-call address,
 * one nginx in front of each pair, and an SMTP server (GreenMail) standing in for the on-call mailbox.
 */
final class ReplicaDeployment {

    /** Generous: on a shared 2-core machine under heavy load one app has taken five minutes to start. */
    private static final Duration STARTUP = Duration.ofSeconds(600);

    final Path data;
    final TestDatabase database;
    final GreenMail mail;
    final int triageA;
    final int triageB;
    final int consolePort;
    final int publicPort;
    private final List<Process> processes = new ArrayList<>();
    private Process secondTriage;
    private Instant bothTriagesReady;

    private ReplicaDeployment(Path data, TestDatabase database) throws IOException {
        this.data = data;
        this.database = database;
        this.mail = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.triageA = Ports.free();
        this.triageB = Ports.free();
        this.consolePort = Ports.free();
        this.publicPort = Ports.free();
    }

    /** Starts everything; the digest goes out every {@code digestEvery} and checkpoints are signed every 5 s. */
    static ReplicaDeployment start(Path data, TestDatabase database, Duration digestEvery) throws Exception {
        var deployment = new ReplicaDeployment(data, database);
        try {
            deployment.startAll(digestEvery);
        } catch (Exception e) {
            deployment.stop();
            throw e;
        }
        return deployment;
    }

    private void startAll(Duration digestEvery) throws Exception {
        mail.start();
        int intakeA = Ports.free();
        int intakeB = Ports.free();
        Map<String, String> shared = new HashMap<>(Map.of(
                "TIPLINE_PROOF_OF_WORK", "false",
                "TIPLINE_PROOF_OF_WORK_SECRET",
                        Base64.getEncoder().encodeToString("replica-test-proof-of-work".getBytes()),
                "TIPLINE_SECURE_COOKIES", "false",
                "TIPLINE_ALERT_EMAIL", "on-call@tipline.test",
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", Integer.toString(mail.getSmtp().getPort()),
                "TIPLINE_TRIAGE_ALERTS_DIGEST_EVERY", digestEvery.toString(),
                "TIPLINE_AUDIT_CHECKPOINT_INTERVAL", "PT5S",
                // Checkpoints go to the export folder only: the on-call mailbox is for the digest here.
                "TIPLINE_AUDIT_CHECKPOINT_EMAIL", ""));
        shared.put("TIPLINE_AUDIT_CHECKPOINT_EXPORT_DIR", checkpointExports().toString());
        shared.put("TIPLINE_WEBAUTHN_ORIGINS", "http://127.0.0.1:" + consolePort);
        shared.put("TIPLINE_CONSOLE_URL", "http://127.0.0.1:" + consolePort);
        Map<String, String> db = Map.of(
                "TIPLINE_DB_URL", database.jdbcUrl(),
                "TIPLINE_DB_OWNER_USER", database.ownerUser(),
                "TIPLINE_DB_OWNER_PASSWORD", database.ownerPassword(),
                "TIPLINE_INTAKE_DB_PASSWORD", database.rolePassword(),
                "TIPLINE_TRIAGE_DB_PASSWORD", database.rolePassword());

        var launcher = process(List.of("-jar", System.getProperty("tipline.launcher.jar")), shared, db, null);
        launcher.environment()
                .putAll(Map.of(
                        "TIPLINE_DATA_DIR", data.toString(),
                        "TIPLINE_INTAKE_PORT", Integer.toString(intakeA),
                        "TIPLINE_TRIAGE_PORT", Integer.toString(triageA),
                        "TIPLINE_READY_TIMEOUT_SECONDS", Long.toString(STARTUP.toSeconds())));
        Process launched = start(launcher);

        // The second triage replica starts beside the first (Flyway's lock lets one of them migrate) once the
        // launcher has made the checkpoint key both use and copied out the jar (it starts the first after both).
        Path checkpointKey = data.resolve("audit-checkpoint.key");
        while (!Files.exists(data.resolve("logs/triage-service.log")) && launched.isAlive()) {
            Thread.sleep(100);
        }
        var triage = process(app("triage-service"), shared, db, "triage-b");
        triage.environment()
                .putAll(Map.of(
                        "TIPLINE_TRIAGE_PORT", Integer.toString(triageB),
                        "TIPLINE_AUDIT_CHECKPOINT_KEY_FILE", checkpointKey.toString()));
        secondTriage = start(triage);
        TestProcesses.awaitLine(launched, "Tipline is running", STARTUP.multipliedBy(2));
        awaitReady(secondTriage, triageB);
        bothTriagesReady = Instant.now();

        var intake = process(app("intake-web"), shared, db, "intake-b");
        intake.environment()
                .putAll(Map.of(
                        "TIPLINE_INTAKE_PORT", Integer.toString(intakeB),
                        "TIPLINE_INTAKE_PUBLIC_KEY_FILE",
                                data.resolve("tip-line-public-key.txt").toString()));
        awaitReady(start(intake), intakeB);

        Path nginx = data.resolve("nginx");
        processes.add(Nginx.start(
                nginx,
                Nginx.console(consolePort, triageA, triageB) + Nginx.publicForm(nginx, publicPort, intakeA, intakeB),
                "http://127.0.0.1:" + publicPort + "/"));
        // A cold console renders its first page slowly on a busy machine: both have rendered one before the test.
        TestProcesses.awaitHttp("http://127.0.0.1:" + triageA + "/login", STARTUP);
        TestProcesses.awaitHttp("http://127.0.0.1:" + triageB + "/login", STARTUP);
    }

    private void awaitReady(Process app, int port) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (app.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                TestProcesses.awaitHttp(
                        "http://127.0.0.1:" + port + "/actuator/health/readiness", Duration.ofSeconds(5));
                return;
            } catch (IllegalStateException notYet) {
                // Still starting, or exited: checked above.
            }
        }
        throw new IllegalStateException("the app on port " + port + " did not start; see the logs in " + data);
    }

    private List<String> app(String name) {
        return List.of("-Xmx512m", "-jar", data.resolve("apps/" + name + ".jar").toString());
    }

    private ProcessBuilder process(
            List<String> arguments, Map<String, String> shared, Map<String, String> db, String log) throws IOException {
        List<String> command = new ArrayList<>(List.of(TestProcesses.java()));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (log != null) {
            builder.redirectOutput(Files.createDirectories(data.resolve("logs"))
                    .resolve(log + ".log")
                    .toFile());
        }
        builder.environment().putAll(shared);
        builder.environment().putAll(db);
        return builder;
    }

    private Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    URI console() {
        return URI.create("http://127.0.0.1:" + consolePort);
    }

    String publicForm() {
        return "http://127.0.0.1:" + publicPort;
    }

    String replicaA() {
        return "127.0.0.1:" + triageA;
    }

    String replicaB() {
        return "127.0.0.1:" + triageB;
    }

    Instant bothTriagesReady() {
        return bothTriagesReady;
    }

    Path checkpointExports() {
        return data.resolve("checkpoint-exports");
    }

    /** kill -9 of the second triage replica: no shutdown hook, no graceful close of anything. */
    void killTriageB() throws InterruptedException {
        secondTriage.destroyForcibly();
        if (!secondTriage.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed replica did not exit");
        }
    }

    /** {@code java -jar tipline-local.jar audit verify} with the checkpoint key and the exported checkpoints. */
    AuditVerification auditVerify() throws IOException, InterruptedException {
        var builder = process(
                        List.of(
                                "-jar",
                                System.getProperty("tipline.launcher.jar"),
                                "audit",
                                "verify",
                                "--public-key",
                                data.resolve("audit-checkpoint.pub").toString(),
                                "--checkpoints",
                                checkpointExports().toString()),
                        Map.of(),
                        Map.of(
                                "TIPLINE_DB_URL", database.jdbcUrl(),
                                "TIPLINE_DB_OWNER_USER", database.ownerUser(),
                                "TIPLINE_DB_OWNER_PASSWORD", database.ownerPassword()),
                        null)
                .redirectErrorStream(true);
        Process verify = builder.start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!verify.waitFor(60, TimeUnit.SECONDS)) {
            verify.destroyForcibly();
            throw new IllegalStateException("audit verify did not finish: " + output);
        }
        return new AuditVerification(verify.exitValue(), output);
    }

    record AuditVerification(int exitCode, String output) {}

    String demoAccounts() throws IOException {
        return Files.readString(data.resolve("demo-accounts.txt"));
    }

    /** Stops everything and keeps the apps' logs in {@code target/triage-replicas-logs} for whoever reads a failure. */
    void stop() throws InterruptedException, IOException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        mail.stop();
        Path kept = Files.createDirectories(Path.of("target", "triage-replicas-logs"));
        if (!Files.isDirectory(data.resolve("logs"))) {
            return;
        }
        try (var logs = Files.list(data.resolve("logs"))) {
            for (Path log : logs.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
