package org.tipline.triage.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tipline.model.audit.AuditVerifier;
import org.tipline.model.audit.Checkpoint;
import org.tipline.triage.security.IsSupervisor;

/**
 * Signs a Merkle checkpoint of the audit chain every few minutes with the checkpoint key (never a tip key) and
 * exports each as a text file for anchoring outside the database. Without a key configured, the chain is still
 * verified but no checkpoint is made, and the supervisors' page says so.
 */
@Service
public class AuditCheckpoints {

    private final DataSource dataSource;
    private final Clock clock;
    private final Optional<Ed25519PrivateKeyParameters> key;
    private final Optional<Path> exportDirectory;

    AuditCheckpoints(
            DataSource dataSource,
            Clock clock,
            @Value("${tipline.triage.audit.checkpoint-key-file:}") String keyFile,
            @Value("${tipline.triage.audit.checkpoint-export-dir:}") String exportDirectory) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.key = keyFile.isBlank() ? Optional.empty() : Optional.of(read(Path.of(keyFile)));
        this.exportDirectory = exportDirectory.isBlank() ? Optional.empty() : Optional.of(Path.of(exportDirectory));
    }

    public boolean configured() {
        return key.isPresent();
    }

    @Scheduled(
            initialDelayString = "${tipline.triage.audit.checkpoint-interval:PT10M}",
            fixedDelayString = "${tipline.triage.audit.checkpoint-interval:PT10M}")
    public void checkpointNow() {
        if (key.isEmpty()) {
            return;
        }
        try (var connection = dataSource.getConnection()) {
            Optional<Checkpoint> made = AuditVerifier.checkpoint(connection, key.get(), clock.instant());
            if (made.isPresent() && exportDirectory.isPresent()) {
                Files.createDirectories(exportDirectory.get());
                Files.writeString(
                        exportDirectory.get().resolve("checkpoint-" + made.get().treeSize() + ".txt"),
                        made.get().exportText());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not sign an audit checkpoint", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole trail checked: the chain, and every checkpoint against it when the key is configured. */
    @IsSupervisor
    public AuditVerifier.Result verify() {
        try (var connection = dataSource.getConnection()) {
            return AuditVerifier.verify(
                    connection,
                    key.map(Ed25519PrivateKeyParameters::generatePublicKey).orElse(null));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
    }

    /** The newest checkpoint as exported text, for supervisors to copy somewhere outside this system. */
    @IsSupervisor
    public Optional<String> newestExport() {
        try (var connection = dataSource.getConnection()) {
            var all = AuditVerifier.checkpoints(connection);
            return all.isEmpty()
                    ? Optional.empty()
                    : Optional.of(all.get(all.size() - 1).exportText());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit checkpoints", e);
        }
    }

    public Optional<Ed25519PublicKeyParameters> publicKey() {
        return key.map(Ed25519PrivateKeyParameters::generatePublicKey);
    }

    private static Ed25519PrivateKeyParameters read(Path file) {
        try {
            return AuditVerifier.privateKey(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoint key " + file, e);
        }
    }
}
