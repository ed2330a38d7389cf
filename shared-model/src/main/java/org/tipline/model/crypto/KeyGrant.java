package org.tipline.model.crypto;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A tip-line private key sealed to one staff member's personal public key. At rest this is the only form the tip-line
 * private key takes, so only a staff member who knows their password can bring it into memory.
 */
public final class KeyGrant {

    private static final String INFO = "tipline/key-grant/v1";

    private KeyGrant() {}

    public static byte[] grant(TipLineKeyPair tipLineKey, HpkeSuite staffSuite, byte[] staffPublicKey) {
        byte[] privateKey = tipLineKey.keys().privateKey();
        byte[] publicKey = tipLineKey.keys().publicKey();
        ByteBuffer plain = ByteBuffer.allocate(2 + 4 + 4 + privateKey.length + publicKey.length)
                .putShort(tipLineKey.keys().suite().kemId())
                .putInt(tipLineKey.epoch())
                .putInt(privateKey.length)
                .put(privateKey)
                .put(publicKey);
        try {
            return Hpke.seal(staffSuite, staffPublicKey, INFO, aad(tipLineKey.epoch()), plain.array());
        } finally {
            Arrays.fill(privateKey, (byte) 0);
            Arrays.fill(plain.array(), (byte) 0);
        }
    }

    public static TipLineKeyPair open(HpkeKeyPair staffKey, int epoch, byte[] grant) {
        byte[] plain = Hpke.open(staffKey, INFO, aad(epoch), grant);
        try {
            ByteBuffer in = ByteBuffer.wrap(plain);
            HpkeSuite suite = HpkeSuite.ofKemId(in.getShort());
            int grantedEpoch = in.getInt();
            if (grantedEpoch != epoch) {
                throw new CryptoException("grant is for epoch " + grantedEpoch);
            }
            byte[] privateKey = new byte[in.getInt()];
            in.get(privateKey);
            byte[] publicKey = new byte[in.remaining()];
            in.get(publicKey);
            var pair = new TipLineKeyPair(epoch, new HpkeKeyPair(suite, publicKey, privateKey));
            Arrays.fill(privateKey, (byte) 0);
            return pair;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] aad(int epoch) {
        return ByteBuffer.allocate(4).putInt(epoch).array();
    }
}
