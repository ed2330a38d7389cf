package org.tipline.model.crypto;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A staff member's personal HPKE key pair as stored: the public key in clear, the private key locked under a key that
 * Argon2id derives from the member's password. Opening the lock is also how the password is checked, so no separate
 * password hash exists to attack.
 */
public record StaffKeyMaterial(HpkeSuite suite, byte[] publicKey, byte[] lockedPrivateKey) {

    private static final byte FORMAT = 1;
    private static final int SALT_BYTES = 16;

    public StaffKeyMaterial {
        publicKey = publicKey.clone();
        lockedPrivateKey = lockedPrivateKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] lockedPrivateKey() {
        return lockedPrivateKey.clone();
    }

    public static StaffKeyMaterial create(String username, char[] password, Argon2idParameters parameters) {
        HpkeKeyPair personal = HpkeSuite.DEFAULT.generateKeyPair();
        try {
            return new StaffKeyMaterial(
                    personal.suite(), personal.publicKey(), lock(username, password, parameters, personal));
        } finally {
            personal.wipe();
        }
    }

    /** Returns the personal key pair, or throws {@link WrongPasswordException} when the password does not open it. */
    public HpkeKeyPair unlock(String username, char[] password) {
        ByteBuffer in = ByteBuffer.wrap(lockedPrivateKey);
        if (in.get() != FORMAT) {
            throw new CryptoException("unknown locked-key format");
        }
        var parameters = new Argon2idParameters(in.getInt(), in.getInt(), in.getInt());
        byte[] salt = new byte[SALT_BYTES];
        in.get(salt);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        byte[] kek = parameters.derive(password, salt, Aead.KEY_BYTES);
        try {
            return new HpkeKeyPair(suite, publicKey, Aead.open(kek, aad(username), sealed));
        } catch (CryptoException e) {
            throw new WrongPasswordException();
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** Locks an already unlocked personal key under a new password: a password change inside a signed-in session. */
    public static StaffKeyMaterial lockUnder(
            HpkeKeyPair personal, String username, char[] newPassword, Argon2idParameters parameters) {
        return new StaffKeyMaterial(
                personal.suite(), personal.publicKey(), lock(username, newPassword, parameters, personal));
    }

    /** Re-locks the same personal key under a new password (a password change). */
    public StaffKeyMaterial relock(
            String username, char[] oldPassword, char[] newPassword, Argon2idParameters parameters) {
        HpkeKeyPair personal = unlock(username, oldPassword);
        try {
            return new StaffKeyMaterial(suite, publicKey, lock(username, newPassword, parameters, personal));
        } finally {
            personal.wipe();
        }
    }

    private static byte[] lock(String username, char[] password, Argon2idParameters parameters, HpkeKeyPair personal) {
        byte[] salt = Bytes.random(SALT_BYTES);
        byte[] kek = parameters.derive(password, salt, Aead.KEY_BYTES);
        byte[] privateKey = personal.privateKey();
        try {
            byte[] sealed = Aead.seal(kek, aad(username), privateKey);
            return ByteBuffer.allocate(1 + 12 + SALT_BYTES + sealed.length)
                    .put(FORMAT)
                    .putInt(parameters.memoryKiB())
                    .putInt(parameters.iterations())
                    .putInt(parameters.parallelism())
                    .put(salt)
                    .put(sealed)
                    .array();
        } finally {
            Arrays.fill(kek, (byte) 0);
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    private static byte[] aad(String username) {
        return Bytes.utf8("tipline/personal-key/v1|" + username);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffKeyMaterial that
                && suite == that.suite
                && Arrays.equals(publicKey, that.publicKey)
                && Arrays.equals(lockedPrivateKey, that.lockedPrivateKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "StaffKeyMaterial[" + suite + "]";
    }
}
