package org.tipline.triage.tips;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.tip.Attachments;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.persistence.JdbcAccess;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;

/** The files a tipster added: listed without opening them, and decrypted one at a time when a coordinator looks. */
@JdbcAccess({JdbcAccess.Use.READ_MODEL})
@Service
@IsCoordinator
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TipAttachments {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    /** What is known about a file without opening it. */
    public record AttachmentInfo(UUID id, String mediaType, int sizeBytes, Instant addedAt) {
        public boolean image() {
            return mediaType.startsWith("image/");
        }
    }

    /** A decrypted file, for display inside the console only. */
    public record OpenedAttachment(String mediaType, byte[] content) {}

    /** Decrypts one file of the tip, recording that it was looked at when {@code auditView}. */
    @Transactional
    public OpenedAttachment attachment(
            UUID tipId, UUID attachmentId, StaffPrincipal me, UnlockedKeys keys, boolean auditView) {
        record Stored(String mediaType, int epoch, byte[] wrapped, byte[] sealed) {}
        Stored stored = jdbc.sql("SELECT media_type, epoch, wrapped_key, sealed FROM tip_attachment "
                        + "WHERE id = :id AND tip_id = :tip")
                .param("id", attachmentId)
                .param("tip", tipId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getBytes(3), rs.getBytes(4)))
                .optional()
                .orElseThrow(() -> new TipNotFoundException(tipId));
        TipLineKeyPair key = keys.forEpoch(stored.epoch()).orElseThrow(() -> new KeyNotUnlockedException(tipId));
        byte[] content = Attachments.open(key, attachmentId, stored.wrapped(), stored.sealed());
        if (auditView) {
            audit.append(me.username(), "ATTACHMENT_VIEWED", tipId, "attachment=" + attachmentId);
        }
        return new OpenedAttachment(stored.mediaType(), content);
    }

    List<AttachmentInfo> of(UUID tipId) {
        return jdbc.sql("SELECT id, media_type, size_bytes, added_at FROM tip_attachment WHERE tip_id = :id "
                        + "ORDER BY added_at, id")
                .param("id", tipId)
                .query((rs, n) -> new AttachmentInfo(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}
