package org.tipline.model.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM with a random 96-bit nonce; output is {@code nonce || ciphertext || tag}. */
public final class Aead {

    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private Aead() {}

    public static byte[] seal(byte[] key, byte[] aad, byte[] plaintext) {
        requireKey(key);
        byte[] nonce = Bytes.random(NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, aad);
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-GCM seal failed", e);
        }
    }

    public static byte[] open(byte[] key, byte[] aad, byte[] sealed) {
        requireKey(key);
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CryptoException("sealed value too short");
        }
        ByteBuffer in = ByteBuffer.wrap(sealed);
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        try {
            return cipher(Cipher.DECRYPT_MODE, key, nonce, aad)
                    .doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-GCM open failed: wrong key, wrong context or tampered data", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad);
        return cipher;
    }

    private static void requireKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new CryptoException("AES-256 key must be 32 bytes");
        }
    }
}
