package org.tipline.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.tipline.model.audit.AuditVerifier;

/**
 * {@code java -jar tipline-local.jar audit verify [--public-key FILE]}: checks the audit chain and every signed
 * checkpoint in the database named by the usual settings, names the first bad entry, and exits 1 if anything is
 * wrong. Without a public key (the launcher writes {@code audit-checkpoint.pub} in its data directory) only the chain
 * is checked, and the output says so.
 */
final class AuditTool {

    static final String USAGE = """
            usage: java -jar tipline-local.jar audit verify [--public-key FILE]
              checks the audit hash chain and, with the checkpoint public key, every signed checkpoint;
              exit 0 when intact, 1 when tampering is found, 2 on wrong usage
            """;

    private final Map<String, String> env;
    private final PrintStream out;

    AuditTool(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    int run(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("verify") || (args.size() != 1 && args.size() != 3)) {
            out.print(USAGE);
            return 2;
        }
        var settings = LauncherSettings.from(env);
        try (var connection =
                DriverManager.getConnection(settings.databaseUrl(), settings.ownerUser(), settings.ownerPassword())) {
            var key = args.size() == 3 && args.get(1).equals("--public-key")
                    ? AuditVerifier.publicKey(Files.readString(Path.of(args.get(2))))
                    : null;
            var result = AuditVerifier.verify(connection, key);
            if (!result.intact()) {
                out.println("TAMPERED: " + result.problem().get());
                return 1;
            }
            out.println("intact: " + result.entries() + " entries"
                    + (result.checkpointsChecked()
                            ? ", " + result.checkpoints() + " signed checkpoints match"
                            : "; checkpoints not checked (no --public-key)"));
            return 0;
        } catch (SQLException | IOException | IllegalArgumentException e) {
            out.println("audit verify failed: " + e.getMessage());
            return 2;
        }
    }
}
