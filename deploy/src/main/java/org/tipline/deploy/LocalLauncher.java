package org.tipline.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the whole system on one machine: an embedded PostgreSQL keeping its data in {@code TIPLINE_DATA_DIR} (every
 * role signs in with a generated password kept there), the staff app (which applies the migrations), demo keys and
 * accounts on first start, then the public app. Ctrl-C stops everything; a restart keeps the data.
 */
public final class LocalLauncher {

    private LauncherSettings settings;
    private final List<AppProcess> apps = new ArrayList<>();
    private EmbeddedDatabase embedded;

    LocalLauncher(LauncherSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("totp")) {
            // For demo accounts on a machine without an authenticator app at hand.
            System.out.println(org.tipline.model.crypto.Totp.code(
                    org.tipline.model.crypto.Totp.fromBase32(args[1]), java.time.Instant.now()));
            return;
        }
        if (args.length > 0 && args[0].equals("audit")) {
            System.exit(new AuditTool(System.getenv(), System.out)
                    .run(java.util.List.of(args).subList(1, args.length)));
        }
        if (args.length > 0 && args[0].equals("keys")) {
            var input = new java.io.BufferedReader(
                    new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
            System.exit(new KeyTool(System.getenv(), input, System.out)
                    .run(java.util.List.of(args).subList(1, args.length)));
        }
        var launcher = new LocalLauncher(LauncherSettings.from(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "tipline-stop"));
        try {
            launcher.start();
        } catch (Exception e) {
            System.err.println("Tipline could not start: " + e.getMessage());
            System.exit(1);
        }
        launcher.printSummary();
        AppProcess exited = launcher.firstToExit();
        System.err.println(exited.name() + " stopped unexpectedly; stopping Tipline. See the logs folder in "
                + launcher.settings.dataDirectory());
        System.exit(1);
    }

    void start() throws IOException, SQLException, InterruptedException {
        Files.createDirectories(settings.dataDirectory());
        // Keys, passwords and the database live here: no other local account may look in.
        Files.setPosixFilePermissions(
                settings.dataDirectory(), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        if (settings.embeddedDatabase()) {
            embedded = EmbeddedDatabase.start(
                    settings.dataDirectory(), settings.databasePasswordsFile(), settings.databasePort());
            settings = settings.withPasswords(embedded.passwords());
        }
        Map<String, String> common = new HashMap<>();
        common.put("TIPLINE_DB_URL", settings.databaseUrl());
        // Local HTTP: a browser never sends a Secure cookie back over plain http, so it is off unless asked for (the
        // scanners' run asks, to scan the console as deployments set it).
        common.put("TIPLINE_SECURE_COOKIES", System.getenv().getOrDefault("TIPLINE_SECURE_COOKIES", "false"));

        ensureCheckpointKey();
        // How long each app may take to start: a busy machine needs longer than the default.
        Duration readyTimeout = Duration.ofSeconds(
                Long.parseLong(System.getenv().getOrDefault("TIPLINE_READY_TIMEOUT_SECONDS", "120")));
        Map<String, String> triageEnv = new HashMap<>(common);
        triageEnv.put(
                "TIPLINE_AUDIT_CHECKPOINT_KEY_FILE",
                settings.checkpointKeyFile().toString());
        triageEnv.put(
                "TIPLINE_AUDIT_CHECKPOINT_EXPORT_DIR",
                System.getenv()
                        .getOrDefault(
                                "TIPLINE_AUDIT_CHECKPOINT_EXPORT_DIR",
                                settings.checkpointExportDirectory().toString()));
        triageEnv.put("TIPLINE_TRIAGE_PORT", Integer.toString(settings.triagePort()));
        triageEnv.put("TIPLINE_DB_OWNER_USER", settings.ownerUser());
        triageEnv.put("TIPLINE_DB_OWNER_PASSWORD", settings.ownerPassword());
        triageEnv.put("TIPLINE_TRIAGE_DB_PASSWORD", settings.triageDbPassword());
        AppProcess triage =
                AppProcess.start("triage-service", settings.triagePort(), settings.dataDirectory(), triageEnv);
        apps.add(triage);
        triage.awaitReady(readyTimeout);

        try (Connection owner = connectAsOwner()) {
            if (DemoBootstrap.needed(owner)) {
                DemoBootstrap.run(owner, settings);
            } else if (!Files.exists(settings.publicKeyFile())) {
                DemoBootstrap.restorePublicKeyFile(owner, settings);
            }
        }

        Map<String, String> intakeEnv = new HashMap<>(common);
        intakeEnv.put("TIPLINE_INTAKE_PORT", Integer.toString(settings.intakePort()));
        intakeEnv.put("TIPLINE_INTAKE_PUBLIC_KEY_FILE", settings.publicKeyFile().toString());
        intakeEnv.put("TIPLINE_INTAKE_DB_PASSWORD", settings.intakeDbPassword());
        AppProcess intake = AppProcess.start("intake-web", settings.intakePort(), settings.dataDirectory(), intakeEnv);
        apps.add(intake);
        intake.awaitReady(readyTimeout);
    }

    /** The audit checkpoint key pair, made once per data directory; the private half is readable by its owner only. */
    private void ensureCheckpointKey() throws IOException {
        if (Files.exists(settings.checkpointKeyFile())) {
            return;
        }
        String[] pair = org.tipline.jdbc.audit.AuditVerifier.newKeyPair();
        Files.createFile(
                settings.checkpointKeyFile(),
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(settings.checkpointKeyFile(), pair[0] + "\n");
        Files.writeString(settings.checkpointPublicKeyFile(), pair[1] + "\n");
    }

    private Connection connectAsOwner() throws SQLException {
        return DriverManager.getConnection(settings.databaseUrl(), settings.ownerUser(), settings.ownerPassword());
    }

    private AppProcess firstToExit() throws InterruptedException {
        var exits =
                apps.stream().map(app -> app.onExit().thenApply(process -> app)).toArray(CompletableFuture[]::new);
        try {
            return (AppProcess) CompletableFuture.anyOf(exits).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    void printSummary() {
        System.out.println();
        System.out.println("Tipline is running.");
        System.out.println("  Public tip form:  http://localhost:" + settings.intakePort() + "/");
        System.out.println("  Staff console:    http://localhost:" + settings.triagePort() + "/");
        if (Files.exists(settings.demoAccountsFile())) {
            System.out.println("  Demo accounts:    " + settings.demoAccountsFile());
        }
        if (settings.embeddedDatabase()) {
            System.out.println("  Database passwords: " + settings.databasePasswordsFile() + " (yours only)");
        }
        System.out.println("  Data and logs:    " + settings.dataDirectory());
        System.out.println("Press Ctrl-C to stop.");
    }

    /** Stops the public app first so no tip arrives while the rest shuts down. */
    void stop() {
        for (int i = apps.size() - 1; i >= 0; i--) {
            apps.get(i).stop();
        }
        apps.clear();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            embedded = null;
        }
    }
}
