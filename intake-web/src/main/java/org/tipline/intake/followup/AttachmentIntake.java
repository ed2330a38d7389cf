package org.tipline.intake.followup;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.crypto.TipLinePublicKey;
import org.tipline.model.tip.Attachments;

/**
 * Stores files a tipster adds to their tip: each is cleaned, sealed, and streamed into the database through one
 * function that accepts it only for the receipt's tip and only within the per-tip limits. The files of one upload are
 * stored together or not at all. How many uploads are held in memory at once is bounded by {@link UploadMemory}.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AttachmentIntake {

    public static final int MAX_FILES_PER_UPLOAD = 5;

    public enum Outcome {
        ADDED,
        NO_SUCH_TIP,
        TOO_MANY
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TipLinePublicKey tipLineKey;

    /**
     * How many more files the receipt's tip accepts now (zero at its limits), asked before anything is decoded: the
     * limit is checked again when the files are stored.
     */
    public int room(String receipt) {
        Integer room = jdbc.queryForObject(
                "SELECT tipster_attachment_room(?)", Integer.class, (Object) Receipt.lookupId(receipt));
        return room == null ? 0 : room;
    }

    /** Stores every file or none. */
    public Outcome store(String receipt, List<AttachmentCleaner.Cleaned> files) {
        byte[] lookup = Receipt.lookupId(receipt);
        return transaction.execute(status -> {
            for (AttachmentCleaner.Cleaned file : files) {
                String outcome = attach(lookup, file);
                if (!outcome.equals("ADDED")) {
                    status.setRollbackOnly();
                    return Outcome.valueOf(outcome);
                }
            }
            return Outcome.ADDED;
        });
    }

    /** Streams the sealed file into the function's bytea argument chunk by chunk as it is encrypted. */
    private String attach(byte[] lookup, AttachmentCleaner.Cleaned file) {
        Attachments.Sealed sealed = Attachments.seal(tipLineKey, file.content());
        return jdbc.execute("SELECT tipster_attach(?, ?, ?, ?, ?, ?, ?)", (PreparedStatementCallback<String>) call -> {
            call.setBytes(1, lookup);
            call.setObject(2, sealed.id());
            call.setString(3, file.mediaType());
            call.setInt(4, file.content().length);
            call.setInt(5, sealed.epoch());
            call.setBytes(6, sealed.wrappedKey());
            call.setBinaryStream(7, sealed.content(), sealed.sealedLength());
            try (var rs = call.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
