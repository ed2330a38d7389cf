package org.tipline.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tipline.jdbc.audit.AuditVerifier;
import org.tipline.model.audit.Checkpoint;

/**
 * {@code java -jar tipline-local.jar audit verify [--public-key FILE] [--checkpoints DIR]}: checks the audit chain and
 * every signed checkpoint in the database named by the usual settings, and with {@code --checkpoints} also every
 * checkpoint exported to that folder (kept where the database owner cannot reach it, so a tail cut together with its
 * stored checkpoints is still found). Names the first bad entry and exits 1 if anything is wrong. Without a public key
 * (the launcher writes {@code audit-checkpoint.pub} in its data directory) only the chain is checked, and the output
 * says so.
 */
final class AuditTool {

    static final String USAGE = """
            usage: java -jar tipline-local.jar audit verify [--public-key FILE] [--checkpoints DIR]
              checks the audit hash chain and, with the checkpoint public key, every signed checkpoint in the
              database and in DIR (the exported checkpoint files);
              exit 0 when intact, 1 when tampering is found, 2 on wrong usage
            """;

    private final Map<String, String> env;
    private final PrintStream out;

    AuditTool(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    int run(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.size(); i += 2) {
            options.put(args.get(i), args.get(i + 1));
        }
        if (args.isEmpty()
                || !args.get(0).equals("verify")
                || args.size() % 2 == 0
                || !Set.of("--public-key", "--checkpoints").containsAll(options.keySet())
                || options.size() != (args.size() - 1) / 2
                || (options.containsKey("--checkpoints") && !options.containsKey("--public-key"))) {
            out.print(USAGE);
            return 2;
        }
        var settings = LauncherSettings.from(env);
        try (var connection =
                DriverManager.getConnection(settings.databaseUrl(), settings.ownerUser(), settings.ownerPassword())) {
            var key = options.containsKey("--public-key")
                    ? AuditVerifier.publicKey(Files.readString(Path.of(options.get("--public-key"))))
                    : null;
            List<Checkpoint> exported = options.containsKey("--checkpoints")
                    ? AuditVerifier.exported(Path.of(options.get("--checkpoints")))
                    : List.of();
            var result = AuditVerifier.verify(connection, key, exported);
            if (!result.intact()) {
                out.println("TAMPERED: " + result.problem().get() + " (" + result.entries()
                        + " entries intact and in order up to there)");
                return 1;
            }
            out.println("intact: " + result.entries() + " entries"
                    + (result.checkpointsChecked()
                            ? ", " + result.checkpoints() + " signed checkpoints match"
                            : "; checkpoints not checked (no --public-key)"));
            if (result.unsealed().count() > 0) {
                // Not tampering: entries commit with their action and are linked shortly after (ADR 23).
                out.println("unsealed: " + result.unsealed().count() + " newer entries not linked into the chain yet"
                        + " (oldest " + result.unsealed().oldest().orElseThrow() + ")");
            }
            return 0;
        } catch (SQLException | IOException | IllegalArgumentException e) {
            out.println("audit verify failed: " + e.getMessage());
            return 2;
        }
    }
}
