package org.tipline.model.tip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.tipline.model.crypto.Aead;
import org.tipline.model.crypto.Bytes;
import org.tipline.model.crypto.CryptoException;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.TipLinePublicKey;

/**
 * Sealing for files a tipster adds: a fresh data key per file, wrapped to the tip line's public key like a tip's,
 * and the content in 64 KiB AES-256-GCM chunks. Each chunk's AAD binds the file id, the chunk's index and whether it
 * is the last, so chunks cannot be reordered, dropped, duplicated or the file truncated (the STREAM construction).
 * The sealed form is produced as a stream, chunk by chunk, so it can go straight into the database.
 */
public final class Attachments {

    static final int CHUNK_BYTES = 64 * 1024;
    private static final int SEALED_CHUNK_BYTES = CHUNK_BYTES + 12 + 16;
    private static final byte FORMAT = 1;

    private Attachments() {}

    /** A file ready to store: its wrapped key and its sealed content as a stream of {@code sealedLength} bytes. */
    public record Sealed(UUID id, int epoch, byte[] wrappedKey, InputStream content, long sealedLength) {}

    public static Sealed seal(TipLinePublicKey tipLineKey, byte[] plaintext) {
        UUID id = UUID.randomUUID();
        byte[] dataKey = Bytes.random(Aead.KEY_BYTES);
        int chunks = Math.max(1, (plaintext.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        long sealedLength = 1 + (long) plaintext.length + (long) chunks * (12 + 16);
        byte[] wrapped = tipLineKey.wrapDataKey(id, dataKey);
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < chunks;
            }

            @Override
            public InputStream nextElement() {
                if (!hasMoreElements()) {
                    throw new NoSuchElementException();
                }
                int index = next++;
                if (index < 0) {
                    return new ByteArrayInputStream(new byte[] {FORMAT});
                }
                int from = index * CHUNK_BYTES;
                byte[] chunk = Arrays.copyOfRange(plaintext, from, Math.min(plaintext.length, from + CHUNK_BYTES));
                byte[] sealed = Aead.seal(dataKey, aad(id, index, index == chunks - 1), chunk);
                if (index == chunks - 1) {
                    Arrays.fill(dataKey, (byte) 0);
                }
                return new ByteArrayInputStream(sealed);
            }
        };
        return new Sealed(id, tipLineKey.epoch(), wrapped, new SequenceInputStream(parts), sealedLength);
    }

    public static byte[] open(TipLineKeyPair tipLineKey, UUID id, byte[] wrappedKey, byte[] sealed) {
        if (sealed.length < 1 || sealed[0] != FORMAT) {
            throw new CryptoException("unknown attachment format");
        }
        byte[] dataKey = tipLineKey.unwrapDataKey(id, wrappedKey);
        try {
            var out = new ByteArrayOutputStream(sealed.length);
            int offset = 1;
            int index = 0;
            while (true) {
                int length = Math.min(SEALED_CHUNK_BYTES, sealed.length - offset);
                boolean last = offset + length == sealed.length;
                byte[] chunk = Arrays.copyOfRange(sealed, offset, offset + length);
                out.writeBytes(Aead.open(dataKey, aad(id, index, last), chunk));
                if (last) {
                    return out.toByteArray();
                }
                offset += length;
                index++;
            }
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static byte[] aad(UUID id, int index, boolean last) {
        return ByteBuffer.allocate(21 + 16 + 4 + 1)
                .put(Bytes.utf8("tipline/attachment/v1"))
                .put(TipLinePublicKey.uuidBytes(id))
                .putInt(index)
                .put((byte) (last ? 1 : 0))
                .array();
    }
}
