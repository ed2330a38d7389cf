package org.tipline.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded PostgreSQL's passwords: the superuser that owns the schema, and the two application roles. Generated
 * once per data directory and kept there in a file only its owner can read, as production keeps them in secrets.
 */
record DatabasePasswords(String owner, String intake, String triage) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the file, or makes one with fresh passwords; a file others can read is tightened to the owner. */
    static DatabasePasswords loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return read(file);
        }
        var passwords = new DatabasePasswords(generate(), generate(), generate());
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        var properties = new Properties();
        properties.setProperty("owner", passwords.owner());
        properties.setProperty("tipline_intake", passwords.intake());
        properties.setProperty("tipline_triage", passwords.triage());
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            properties.store(out, "PostgreSQL passwords of this data directory; keep this file private (mode 600)");
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return passwords;
    }

    /** The passwords of an existing data directory, or null when it has none (an external database). */
    static DatabasePasswords readIfPresent(Path file) {
        try {
            return Files.exists(file) ? read(file) : null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static DatabasePasswords read(Path file) throws IOException {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        var passwords = new DatabasePasswords(
                properties.getProperty("owner"),
                properties.getProperty("tipline_intake"),
                properties.getProperty("tipline_triage"));
        for (String password : new String[] {passwords.owner(), passwords.intake(), passwords.triage()}) {
            if (password == null || !password.matches("[A-Za-z0-9_-]{32,}")) {
                throw new IllegalStateException(file + " is damaged; restore it from a backup of the data directory");
            }
        }
        return passwords;
    }

    /** 256 bits, URL-safe Base64: nothing that needs quoting in SQL or a connection string. */
    private static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
