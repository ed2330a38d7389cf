package org.tipline.model.linking;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.tipline.model.crypto.Aead;
import org.tipline.model.crypto.TipLineKeyPair;

/**
 * Each tip's normalized link values, sealed with AES-256-GCM under a key derived from the epoch's tip-line private
 * key (as the blind-index keys are). Confirming that a candidate tip really shares a value then costs one symmetric
 * decryption instead of opening the tip's data key with the KEM, while the values stay readable only in a staff
 * session. The tip's id is bound as associated data, so a sealed row cannot be moved to another tip.
 */
public final class SealedLinkTerms {

    private final byte[] key;

    private SealedLinkTerms(byte[] key) {
        this.key = key;
    }

    public static SealedLinkTerms forEpoch(TipLineKeyPair tipLineKey) {
        byte[] secret = tipLineKey.keys().privateKey();
        try {
            var hkdf = new HKDFBytesGenerator(new SHA256Digest());
            hkdf.init(new HKDFParameters(
                    secret,
                    "tipline/link-terms/v1".getBytes(StandardCharsets.UTF_8),
                    ("epoch=" + tipLineKey.epoch()).getBytes(StandardCharsets.UTF_8)));
            byte[] key = new byte[Aead.KEY_BYTES];
            hkdf.generateBytes(key, 0, key.length);
            return new SealedLinkTerms(key);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    public byte[] seal(UUID tipId, String terms) {
        return Aead.seal(key, aad(tipId), terms.getBytes(StandardCharsets.UTF_8));
    }

    public String open(UUID tipId, byte[] sealed) {
        return new String(Aead.open(key, aad(tipId), sealed), StandardCharsets.UTF_8);
    }

    public void wipe() {
        Arrays.fill(key, (byte) 0);
    }

    private static byte[] aad(UUID tipId) {
        return ("tipline/link-terms|" + tipId).getBytes(StandardCharsets.UTF_8);
    }
}
