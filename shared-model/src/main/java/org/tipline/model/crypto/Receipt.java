package org.tipline.model.crypto;

import java.security.MessageDigest;
import java.util.Locale;

/**
 * The tipster's receipt: 100 random bits written as 20 Crockford base32 characters in five groups of four (easy to
 * copy, no I/L/O/U to confuse). Only a one-way lookup id derived from it is stored, never the receipt.
 */
public final class Receipt {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int CHARACTERS = 20;

    private Receipt() {}

    public static String generate() {
        var random = Bytes.secureRandom();
        var out = new StringBuilder(CHARACTERS + 4);
        for (int i = 0; i < CHARACTERS; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** Accepts what a person may type: any case, spaces or dashes, and the look-alikes O, I and L. */
    public static String normalize(String typed) {
        String compact = typed.toUpperCase(Locale.ROOT)
                .replaceAll("[\\s-]", "")
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
        if (compact.length() != CHARACTERS || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not a receipt");
        }
        return compact;
    }

    /**
     * The tipster's X-Wing key pair, derived from the receipt alone: the public half is stored with the tip so staff
     * can seal replies to it; the private half is re-derived on the follow-up page from the receipt the tipster
     * types, and never stored.
     */
    public static HpkeKeyPair tipsterKeys(String receipt) {
        var hkdf = new org.bouncycastle.crypto.generators.HKDFBytesGenerator(
                new org.bouncycastle.crypto.digests.SHA256Digest());
        hkdf.init(new org.bouncycastle.crypto.params.HKDFParameters(
                Bytes.utf8(normalize(receipt)), Bytes.utf8("tipline/tipster-key/v1"), new byte[0]));
        byte[] seed = new byte[32];
        hkdf.generateBytes(seed, 0, seed.length);
        var hpke = HpkeSuite.XWING.hpke();
        var pair = hpke.deriveKeyPair(seed);
        java.util.Arrays.fill(seed, (byte) 0);
        return new HpkeKeyPair(
                HpkeSuite.XWING,
                hpke.serializePublicKey(pair.getPublic()),
                hpke.serializePrivateKey(pair.getPrivate()));
    }

    /** 100 bits of entropy make a fast hash sufficient: guessing a receipt is infeasible without key stretching. */
    public static byte[] lookupId(String receipt) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(Bytes.utf8("tipline/receipt-lookup/v1|"));
            return digest.digest(Bytes.utf8(normalize(receipt)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
