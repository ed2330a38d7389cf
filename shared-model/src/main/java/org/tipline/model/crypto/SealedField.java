package org.tipline.model.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Content encryption for one field of a tip under the tip's data key. The AAD binds the ciphertext to its tip, its
 * field name and the schema version, so a value cannot be moved to another tip or field without detection.
 */
public final class SealedField {

    private static final byte FORMAT = 1;

    private SealedField() {}

    public static byte[] seal(byte[] dataKey, UUID tipId, String field, int schemaVersion, byte[] plaintext) {
        byte[] sealed = Aead.seal(dataKey, aad(tipId, field, schemaVersion), plaintext);
        return ByteBuffer.allocate(1 + sealed.length).put(FORMAT).put(sealed).array();
    }

    public static byte[] open(byte[] dataKey, UUID tipId, String field, int schemaVersion, byte[] sealed) {
        if (sealed.length < 1 || sealed[0] != FORMAT) {
            throw new CryptoException("unknown sealed-field format");
        }
        byte[] body = new byte[sealed.length - 1];
        System.arraycopy(sealed, 1, body, 0, body.length);
        return Aead.open(dataKey, aad(tipId, field, schemaVersion), body);
    }

    private static byte[] aad(UUID tipId, String field, int schemaVersion) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(Bytes.utf8("tipline/field/v1"));
        out.writeBytes(TipLinePublicKey.uuidBytes(tipId));
        byte[] fieldBytes = Bytes.utf8(field);
        out.writeBytes(ByteBuffer.allocate(4).putInt(fieldBytes.length).array());
        out.writeBytes(fieldBytes);
        out.writeBytes(ByteBuffer.allocate(4).putInt(schemaVersion).array());
        return out.toByteArray();
    }
}
