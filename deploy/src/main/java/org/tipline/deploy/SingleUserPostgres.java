package org.tipline.deploy;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.postgresql.util.PasswordUtil;

/**
 * PostgreSQL in single-user mode on a stopped cluster: no network, no authentication, only this process. Used once
 * to give the superuser of an older launcher's cluster a password before the server listens with strict rules.
 */
final class SingleUserPostgres {

    private SingleUserPostgres() {}

    static void setPassword(Path dataDirectory, Path cluster, String role, String password) throws IOException {
        Path binaries = Files.createTempDirectory(
                dataDirectory,
                "single-user-postgres",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            extractBinaries(binaries);
            String verifier;
            try {
                // Hashed here, so the password itself is not handed to the server.
                verifier = PasswordUtil.encodePassword(role, password.toCharArray(), "scram-sha-256");
            } catch (SQLException e) {
                throw new IOException("cannot hash the database password", e);
            }
            run(binaries, cluster, role, "ALTER ROLE " + role + " PASSWORD '" + verifier + "'\n");
        } finally {
            deleteTree(binaries);
        }
    }

    private static void run(Path binaries, Path cluster, String role, String statement) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // PostgreSQL refuses to run as root; zonky runs it in a user namespace then, and so does this.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(
                List.of(binaries.resolve("bin/postgres").toString(), "--single", "-D", cluster.toString(), "postgres"));
        Process postgres = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = postgres.getOutputStream()) {
            in.write(statement.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(postgres.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (postgres.waitFor() != 0 || output.contains("ERROR")) {
                throw new IOException("PostgreSQL could not set the password of " + role + ":\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the database password", e);
        }
    }

    /** The same PostgreSQL build zonky runs, unpacked by the system's tar (xz). */
    private static void extractBinaries(Path target) throws IOException {
        String system = System.getProperty("os.name").startsWith("Mac") ? "Darwin" : "Linux";
        String architecture = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
        Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", target.toString())
                .redirectErrorStream(true)
                .start();
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture);
                OutputStream in = tar.getOutputStream()) {
            archive.transferTo(in);
        }
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (tar.waitFor() != 0) {
                throw new IOException("cannot unpack PostgreSQL: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unpacking PostgreSQL", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
