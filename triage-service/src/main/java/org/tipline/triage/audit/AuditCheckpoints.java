package org.tipline.triage.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tipline.jdbc.audit.AuditVerifier;
import org.tipline.model.audit.Checkpoint;
import org.tipline.triage.jobs.ScheduledRuns;
import org.tipline.triage.security.IsSupervisor;

/**
 * Signs a Merkle checkpoint of the sealed audit chain every minute (configurable) and whenever a supervisor verifies the
 * trail, with the checkpoint key (never a tip key), and exports each one out of the database owner's reach: a file in
 * the export folder (meant to be on other storage) and, when a supervisor address is configured, an email. Whoever
 * owns the database can then cut or rewrite only what was appended since the last exported checkpoint. Without a
 * key, the chain is still verified but no checkpoint is made, and the supervisors' page says so.
 */
@Service
public class AuditCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final DataSource dataSource;
    private final AuditSealer sealer;
    private final ScheduledRuns runs;
    private final Duration interval;
    private final Clock clock;
    private final Optional<Ed25519PrivateKeyParameters> key;
    private final Optional<Path> exportDirectory;
    private final ObjectProvider<JavaMailSender> mail;
    private final String email;
    private final String from;

    AuditCheckpoints(
            DataSource dataSource,
            AuditSealer sealer,
            ScheduledRuns runs,
            Clock clock,
            ObjectProvider<JavaMailSender> mail,
            @Value("${tipline.triage.audit.checkpoint-key-file:}") String keyFile,
            @Value("${tipline.triage.audit.checkpoint-export-dir:}") String exportDirectory,
            @Value("${tipline.triage.audit.checkpoint-interval:PT1M}") Duration interval,
            @Value("${tipline.triage.audit.checkpoint-email:}") String email,
            @Value("${tipline.triage.referrals.from:tipline@localhost}") String from) {
        this.dataSource = dataSource;
        this.sealer = sealer;
        this.runs = runs;
        this.interval = interval;
        this.clock = clock;
        this.mail = mail;
        this.key = keyFile.isBlank() ? Optional.empty() : Optional.of(read(Path.of(keyFile)));
        this.exportDirectory = exportDirectory.isBlank() ? Optional.empty() : Optional.of(Path.of(exportDirectory));
        this.email = email.strip();
        this.from = from;
    }

    public boolean configured() {
        return key.isPresent();
    }

    /** Every interval, in the one replica that claims the run (ADR 24), under the seal lock (ADR 23). */
    @Scheduled(
            initialDelayString = "${tipline.triage.audit.checkpoint-interval:PT1M}",
            fixedDelayString = "${tipline.triage.audit.checkpoint-interval:PT1M}")
    void checkpointOnSchedule() {
        if (key.isPresent() && runs.claim("audit-checkpoint", interval)) {
            checkpoint();
        }
    }

    /** Seals what can be sealed, then signs and exports a checkpoint, waiting for another replica's round if need be. */
    public void checkpointNow() {
        sealer.sealNow();
        checkpoint();
    }

    /**
     * Signs a checkpoint of the sealed chain when it grew since the last one, under the seal lock so one replica signs
     * each size; exports it after commit, with no connection held while the file is written or the mail sent.
     */
    private synchronized void checkpoint() {
        if (key.isEmpty()) {
            return;
        }
        Optional<Checkpoint> made = Optional.empty();
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, AuditSealer.SEAL_LOCK);
                lock.execute();
                made = AuditVerifier.checkpoint(connection, key.get(), clock.instant());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not sign an audit checkpoint", e);
        }
        made.ifPresent(this::export);
    }

    /**
     * The whole trail checked, after signing a checkpoint of it as it is now: the chain, and every checkpoint against
     * it (those in the database and those in the export folder) when the key is configured.
     */
    @IsSupervisor
    public AuditVerifier.Result verify() {
        checkpointNow();
        List<Checkpoint> exported;
        try {
            exported = exported();
        } catch (IOException | IllegalArgumentException e) {
            return new AuditVerifier.Result(
                    0, AuditVerifier.Unsealed.NONE, 0, false, Optional.of("an exported checkpoint cannot be read"));
        }
        try (var connection = dataSource.getConnection()) {
            return AuditVerifier.verify(
                    connection,
                    key.map(Ed25519PrivateKeyParameters::generatePublicKey).orElse(null),
                    exported);
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

    /**
     * Written whole or not at all (a temporary file linked into place), so a verifier never reads half a file, and
     * never over an earlier export of the same size: after a cut tail has grown back, that earlier file is the proof.
     */
    private void export(Checkpoint checkpoint) {
        if (exportDirectory.isPresent()) {
            try {
                Path directory = Files.createDirectories(exportDirectory.get());
                Path partial = Files.createTempFile(directory, ".checkpoint-", ".partial");
                Files.writeString(partial, checkpoint.exportText());
                try {
                    // A hard link appears complete and, unlike a rename, refuses to replace an existing name.
                    Files.createLink(directory.resolve(AuditVerifier.exportFileName(checkpoint)), partial);
                } catch (FileAlreadyExistsException earlier) {
                    LOG.warn(
                            "audit checkpoint {} was exported before; the earlier file is kept", checkpoint.treeSize());
                } finally {
                    Files.delete(partial);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not export the audit checkpoint", e);
            }
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (!email.isEmpty() && sender != null) {
            var message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(email);
            message.setSubject("Tipline audit checkpoint " + checkpoint.treeSize());
            message.setText("Keep this message: it lets supervisors prove the first " + checkpoint.treeSize()
                    + " audit entries were not changed later (audit verify --checkpoints).\n\n"
                    + checkpoint.exportText());
            try {
                sender.send(message);
            } catch (MailException e) {
                // The file and the database copy stand, and the next checkpoint mailed covers these entries too.
                LOG.warn(
                        "audit checkpoint {} could not be emailed ({})",
                        checkpoint.treeSize(),
                        e.getClass().getName());
            }
        }
    }

    private List<Checkpoint> exported() throws IOException {
        return exportDirectory.isEmpty() || !Files.isDirectory(exportDirectory.get())
                ? List.of()
                : AuditVerifier.exported(exportDirectory.get());
    }

    private static Ed25519PrivateKeyParameters read(Path file) {
        try {
            return AuditVerifier.privateKey(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoint key " + file, e);
        }
    }
}
