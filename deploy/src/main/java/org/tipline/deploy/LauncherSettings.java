package org.tipline.deploy;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the launcher reads from the environment. With {@code TIPLINE_DB_URL} set it uses that PostgreSQL
 * instead of starting an embedded one; the embedded one's passwords come from its data directory.
 */
record LauncherSettings(
        Path dataDirectory,
        int intakePort,
        int triagePort,
        int databasePort,
        String externalDatabaseUrl,
        String ownerUser,
        String ownerPassword,
        String intakeDbPassword,
        String triageDbPassword) {

    static LauncherSettings from(Map<String, String> env) {
        var settings = new LauncherSettings(
                Path.of(env.getOrDefault("TIPLINE_DATA_DIR", ".tipline")).toAbsolutePath(),
                Integer.parseInt(env.getOrDefault("TIPLINE_INTAKE_PORT", "8080")),
                Integer.parseInt(env.getOrDefault("TIPLINE_TRIAGE_PORT", "8081")),
                Integer.parseInt(env.getOrDefault("TIPLINE_DB_PORT", "54329")),
                env.get("TIPLINE_DB_URL"),
                env.getOrDefault("TIPLINE_DB_OWNER_USER", "postgres"),
                env.getOrDefault("TIPLINE_DB_OWNER_PASSWORD", ""),
                env.getOrDefault("TIPLINE_INTAKE_DB_PASSWORD", ""),
                env.getOrDefault("TIPLINE_TRIAGE_DB_PASSWORD", ""));
        return settings.embeddedDatabase()
                ? settings.withPasswords(DatabasePasswords.readIfPresent(settings.databasePasswordsFile()))
                : settings;
    }

    /** The embedded database's passwords replace whatever the environment said; none yet leaves these as they are. */
    LauncherSettings withPasswords(DatabasePasswords passwords) {
        if (passwords == null) {
            return this;
        }
        return new LauncherSettings(
                dataDirectory,
                intakePort,
                triagePort,
                databasePort,
                externalDatabaseUrl,
                EmbeddedDatabase.SUPERUSER,
                passwords.owner(),
                passwords.intake(),
                passwords.triage());
    }

    /** The embedded database's generated passwords (owner-only). */
    Path databasePasswordsFile() {
        return dataDirectory.resolve("database-passwords.properties");
    }

    boolean embeddedDatabase() {
        return externalDatabaseUrl == null || externalDatabaseUrl.isBlank();
    }

    String databaseUrl() {
        return embeddedDatabase() ? "jdbc:postgresql://localhost:" + databasePort + "/tipline" : externalDatabaseUrl;
    }

    Path publicKeyFile() {
        return dataDirectory.resolve("tip-line-public-key.txt");
    }

    Path demoAccountsFile() {
        return dataDirectory.resolve("demo-accounts.txt");
    }

    /** The audit checkpoint signing key (owner-only), and its public half for verifiers. */
    Path checkpointKeyFile() {
        return dataDirectory.resolve("audit-checkpoint.key");
    }

    Path checkpointPublicKeyFile() {
        return dataDirectory.resolve("audit-checkpoint.pub");
    }

    /** Beside the data directory, not in it: a copy of each checkpoint that survives whatever is done to the data. */
    Path checkpointExportDirectory() {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + "-audit-checkpoints");
    }
}
