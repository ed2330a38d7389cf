package org.tipline.model.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One staff action as recorded in the audit chain: who, what, on which tip, when. Never tip content. The canonical
 * encoding is length-prefixed so no two different entries share an encoding.
 */
public record AuditEntry(long sequence, Instant occurredAt, String actor, String action, UUID tipId, String detail) {

    public AuditEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        detail = detail == null ? "" : detail;
    }

    public byte[] canonicalBytes() {
        var out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8 + 8 + 4)
                .putLong(sequence)
                .putLong(occurredAt.getEpochSecond())
                .putInt(occurredAt.getNano())
                .array());
        writeString(out, actor);
        writeString(out, action);
        writeString(out, tipId == null ? "" : tipId.toString());
        writeString(out, detail);
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
