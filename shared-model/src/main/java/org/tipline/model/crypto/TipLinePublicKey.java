package org.tipline.model.crypto;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * The public half of one epoch's tip-line key: all the public tier ever holds. It can wrap a tip's data key and can
 * never unwrap one.
 */
public record TipLinePublicKey(int epoch, HpkeSuite suite, byte[] publicKey) {

    static final byte WRAP_FORMAT = 1;
    static final String DATA_KEY_INFO = "tipline/tip-data-key/v1";

    public TipLinePublicKey {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Wrapped form: {@code format(1) || epoch(4) || HPKE-sealed data key}, bound to the tip id. */
    public byte[] wrapDataKey(UUID tipId, byte[] dataKey) {
        byte[] sealed = Hpke.seal(suite, publicKey, DATA_KEY_INFO, uuidBytes(tipId), dataKey);
        return ByteBuffer.allocate(5 + sealed.length)
                .put(WRAP_FORMAT)
                .putInt(epoch)
                .put(sealed)
                .array();
    }

    /** Text form used in configuration files: {@code epoch:kemId:base64(publicKey)}. */
    public String encode() {
        return epoch + ":" + suite.kemId() + ":" + Base64.getEncoder().encodeToString(publicKey);
    }

    public static TipLinePublicKey decode(String encoded) {
        String[] parts = encoded.trim().split(":");
        if (parts.length != 3) {
            throw new CryptoException("tip-line public key must look like epoch:kemId:base64");
        }
        try {
            return new TipLinePublicKey(
                    Integer.parseInt(parts[0]),
                    HpkeSuite.ofKemId(Integer.parseInt(parts[1])),
                    Base64.getDecoder().decode(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new CryptoException("tip-line public key is malformed", e);
        }
    }

    public static byte[] uuidBytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TipLinePublicKey that
                && epoch == that.epoch
                && suite == that.suite
                && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * epoch + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "TipLinePublicKey[epoch=" + epoch + ", " + suite + "]";
    }
}
