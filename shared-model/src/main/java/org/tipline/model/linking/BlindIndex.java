package org.tipline.model.linking;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.tipline.model.crypto.TipLineKeyPair;

/**
 * Keyed, truncated HMAC-SHA256 of a normalized value (CipherSweet's blind-index design). The keys derive from the
 * tip-line private key, so only a signed-in staff session can compute or test an index; the public tier cannot.
 * Truncation to {@link Kind#bits()} bits makes every index value shared by several unrelated values, so the stored
 * indexes do not identify any one plate or phone number; matches are confirmed by decryption.
 */
public final class BlindIndex {

    /** What is indexed, and how many bits each index keeps. See docs/crypto.md for the sizing. */
    public enum Kind {
        PLATE(14),
        PHONE(14),
        ADDRESS(14),
        URL(14),
        BUSINESS_NAME(14);

        private final int bits;

        Kind(int bits) {
            this.bits = bits;
        }

        public int bits() {
            return bits;
        }
    }

    private final Kind kind;
    private final byte[] key;

    private BlindIndex(Kind kind, byte[] key) {
        this.kind = kind;
        this.key = key;
    }

    /** HKDF-SHA256 from the epoch's tip-line private key, one independent key per kind. */
    public static BlindIndex forKind(Kind kind, TipLineKeyPair tipLineKey) {
        byte[] secret = tipLineKey.keys().privateKey();
        try {
            var hkdf = new HKDFBytesGenerator(new SHA256Digest());
            hkdf.init(new HKDFParameters(
                    secret,
                    "tipline/blind-index/v1".getBytes(StandardCharsets.UTF_8),
                    (kind.name() + "|epoch=" + tipLineKey.epoch()).getBytes(StandardCharsets.UTF_8)));
            byte[] key = new byte[32];
            hkdf.generateBytes(key, 0, key.length);
            return new BlindIndex(kind, key);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The index of an already normalized value: the top {@code bits} bits of its HMAC, as a non-negative int. */
    public int of(String normalizedValue) {
        var hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(key));
        byte[] input = normalizedValue.getBytes(StandardCharsets.UTF_8);
        hmac.update(input, 0, input.length);
        byte[] mac = new byte[hmac.getMacSize()];
        hmac.doFinal(mac, 0);
        return ByteBuffer.wrap(mac).getInt() >>> (32 - kind.bits());
    }

    public void wipe() {
        Arrays.fill(key, (byte) 0);
    }
}
