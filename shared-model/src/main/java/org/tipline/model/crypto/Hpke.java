package org.tipline.model.crypto;

import java.nio.ByteBuffer;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * Single-shot HPKE seal and open with a self-describing output: {@code kemId(2) || enc || ciphertext}. The {@code info}
 * string separates purposes (data keys, key grants); {@code aad} binds the sealed value to where it is stored.
 */
public final class Hpke {

    private Hpke() {}

    public static byte[] seal(HpkeSuite suite, byte[] recipientPublicKey, String info, byte[] aad, byte[] plaintext) {
        var hpke = suite.hpke();
        try {
            // BC returns {ciphertext, enc}, in that order.
            byte[][] sealed = hpke.seal(
                    hpke.deserializePublicKey(recipientPublicKey),
                    Bytes.utf8(info),
                    aad.clone(),
                    plaintext,
                    null,
                    null,
                    null);
            return ByteBuffer.allocate(2 + sealed[1].length + sealed[0].length)
                    .putShort(suite.kemId())
                    .put(sealed[1])
                    .put(sealed[0])
                    .array();
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException("HPKE seal failed", e);
        }
    }

    public static byte[] open(HpkeKeyPair recipient, String info, byte[] aad, byte[] sealed) {
        if (sealed.length < 2) {
            throw new CryptoException("sealed value too short");
        }
        ByteBuffer in = ByteBuffer.wrap(sealed);
        HpkeSuite suite = HpkeSuite.ofKemId(in.getShort());
        if (suite != recipient.suite()) {
            throw new CryptoException("sealed for " + suite + " but key is " + recipient.suite());
        }
        int encSize = suite.encapsulationSize();
        if (in.remaining() < encSize + 16) {
            throw new CryptoException("sealed value too short");
        }
        byte[] enc = new byte[encSize];
        in.get(enc);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        var hpke = suite.hpke();
        try {
            var keys = hpke.deserializePrivateKey(recipient.privateKey(), recipient.publicKey());
            return hpke.open(enc, keys, Bytes.utf8(info), aad.clone(), ciphertext, null, null, null);
        } catch (InvalidCipherTextException | IllegalStateException | IllegalArgumentException e) {
            // BC signals a bad tag with InvalidCipherTextException but malformed encapsulations with runtime errors.
            throw new CryptoException("HPKE open failed", e);
        }
    }
}
