package org.tipline.model.crypto;

import java.nio.ByteBuffer;
import java.util.UUID;

/** One epoch's tip-line key pair. The private half exists in memory only inside an unlocked staff session. */
public record TipLineKeyPair(int epoch, HpkeKeyPair keys) {

    public static TipLineKeyPair generate(int epoch, HpkeSuite suite) {
        return new TipLineKeyPair(epoch, suite.generateKeyPair());
    }

    public TipLinePublicKey publicKey() {
        return new TipLinePublicKey(epoch, keys.suite(), keys.publicKey());
    }

    public byte[] unwrapDataKey(UUID tipId, byte[] wrapped) {
        if (wrapped.length < 5) {
            throw new CryptoException("wrapped data key too short");
        }
        ByteBuffer in = ByteBuffer.wrap(wrapped);
        byte format = in.get();
        int wrappedEpoch = in.getInt();
        if (format != TipLinePublicKey.WRAP_FORMAT) {
            throw new CryptoException("unknown wrapped-key format " + format);
        }
        if (wrappedEpoch != epoch) {
            throw new CryptoException("data key is wrapped for epoch " + wrappedEpoch + ", this key is epoch " + epoch);
        }
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        return Hpke.open(keys, TipLinePublicKey.DATA_KEY_INFO, TipLinePublicKey.uuidBytes(tipId), sealed);
    }

    /** Reads the epoch a wrapped data key was sealed for, so the right key can be chosen before opening. */
    public static int epochOf(byte[] wrapped) {
        if (wrapped.length < 5) {
            throw new CryptoException("wrapped data key too short");
        }
        return ByteBuffer.wrap(wrapped, 1, 4).getInt();
    }

    public void wipe() {
        keys.wipe();
    }
}
