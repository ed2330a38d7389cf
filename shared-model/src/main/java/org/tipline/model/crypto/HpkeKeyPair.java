package org.tipline.model.crypto;

import java.util.Arrays;

/** A serialized HPKE key pair. Holders of the private half call {@link #wipe()} when done with it. */
public record HpkeKeyPair(HpkeSuite suite, byte[] publicKey, byte[] privateKey) {

    public HpkeKeyPair {
        publicKey = publicKey.clone();
        privateKey = privateKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] privateKey() {
        return privateKey.clone();
    }

    public void wipe() {
        Arrays.fill(privateKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "HpkeKeyPair[" + suite + ", private key hidden]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HpkeKeyPair that
                && suite == that.suite
                && Arrays.equals(publicKey, that.publicKey)
                && Arrays.equals(privateKey, that.privateKey);
    }

    @Override
    public int hashCode() {
        return 31 * suite.hashCode() + Arrays.hashCode(publicKey);
    }
}
