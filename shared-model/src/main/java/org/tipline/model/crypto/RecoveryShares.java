package org.tipline.model.crypto;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.crypto.threshold.ShamirSecretSplitter;
import org.bouncycastle.crypto.threshold.ShamirSplitSecret;
import org.bouncycastle.crypto.threshold.ShamirSplitSecretShare;

/**
 * Disaster recovery for a tip-line private key: Shamir k-of-n shares (Bouncy Castle's threshold package) that
 * supervisors keep offline. Fewer than k shares reveal nothing and recombine to garbage, so recovery always checks
 * the result against the epoch's public key before trusting it.
 */
public final class RecoveryShares {

    private static final String PREFIX = "tipline-recovery-share/v1";

    /** One share in its text form: {@code tipline-recovery-share/v1:epoch:kemId:threshold:index:base64}. */
    public record Share(int epoch, HpkeSuite suite, int threshold, int index, byte[] value) {

        public String encode() {
            return PREFIX + ":" + epoch + ":" + suite.kemId() + ":" + threshold + ":" + index + ":"
                    + Base64.getEncoder().encodeToString(value);
        }

        public static Share decode(String text) {
            String[] parts = text.strip().split(":");
            if (parts.length != 6 || !parts[0].equals(PREFIX)) {
                throw new CryptoException("not a Tipline recovery share");
            }
            try {
                return new Share(
                        Integer.parseInt(parts[1]),
                        HpkeSuite.ofKemId(Integer.parseInt(parts[2])),
                        Integer.parseInt(parts[3]),
                        Integer.parseInt(parts[4]),
                        Base64.getDecoder().decode(parts[5]));
            } catch (IllegalArgumentException e) {
                throw new CryptoException("recovery share is malformed", e);
            }
        }
    }

    private RecoveryShares() {}

    public static List<Share> split(TipLineKeyPair key, int threshold, int shares) {
        if (threshold < 2 || threshold > shares || shares > 255) {
            throw new IllegalArgumentException("need 2 <= threshold <= shares <= 255");
        }
        byte[] secret = key.keys().privateKey();
        try {
            var splitter = ShamirSecretSplitter.getInstance(
                    ShamirSecretSplitter.Algorithm.AES, secret.length, Bytes.secureRandom());
            ShamirSplitSecretShare[] parts =
                    splitter.resplit(secret, threshold, shares).getSecretShares();
            Share[] result = new Share[parts.length];
            for (int i = 0; i < parts.length; i++) {
                result[i] = new Share(key.epoch(), key.keys().suite(), threshold, i + 1, parts[i].getEncoded());
            }
            return List.of(result);
        } catch (IOException e) {
            throw new CryptoException("could not encode a share", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Recombines shares of one epoch and proves the result is that epoch's private key by opening a value sealed to
     * {@code publicKey}. Throws when the shares are too few, mixed, or wrong.
     */
    public static TipLineKeyPair recover(List<Share> shares, TipLinePublicKey publicKey) {
        if (shares.isEmpty()) {
            throw new CryptoException("no shares given");
        }
        Share first = shares.get(0);
        boolean consistent = shares.stream()
                .allMatch(s -> s.epoch() == publicKey.epoch()
                        && s.suite() == publicKey.suite()
                        && s.threshold() == first.threshold());
        if (!consistent) {
            throw new CryptoException("shares belong to different keys or epochs");
        }
        if (shares.stream().map(Share::index).distinct().count() < first.threshold()) {
            throw new CryptoException("need " + first.threshold() + " different shares, got "
                    + shares.stream().map(Share::index).distinct().count());
        }
        ShamirSplitSecretShare[] parts = shares.stream()
                .map(s -> new ShamirSplitSecretShare(s.value(), s.index()))
                .toArray(ShamirSplitSecretShare[]::new);
        byte[] secret;
        try {
            secret = ShamirSplitSecret.getInstance(ShamirSecretSplitter.Algorithm.AES, parts)
                    .getSecret();
        } catch (IOException e) {
            throw new CryptoException("could not recombine the shares", e);
        }
        var candidate = new TipLineKeyPair(
                publicKey.epoch(), new HpkeKeyPair(publicKey.suite(), publicKey.publicKey(), secret));
        Arrays.fill(secret, (byte) 0);
        UUID probe = UUID.randomUUID();
        byte[] check = Bytes.random(Aead.KEY_BYTES);
        try {
            if (!Arrays.equals(candidate.unwrapDataKey(probe, publicKey.wrapDataKey(probe, check)), check)) {
                throw new CryptoException("recovered key does not match");
            }
        } catch (CryptoException e) {
            candidate.wipe();
            throw new CryptoException("the shares do not recombine to this epoch's private key", e);
        }
        return candidate;
    }
}
