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
        return grouped(encode(Bytes.random(13), CHARACTERS));
    }

    /**
     * A receipt made of the first 100 bits of a MAC, so that a repeat of the same submission derives the same receipt
     * (intake keys it with a secret of its own, over the submission token and the exact answers: ADR 17).
     */
    public static String fromMac(byte[] mac) {
        if (mac.length < 13) {
            throw new IllegalArgumentException("a receipt needs 100 bits");
        }
        return grouped(encode(mac, CHARACTERS));
    }

    private static final int TOKEN_CHARACTERS = 26;

    /**
     * 130 random bits for one rendering of the console's call form (ADR 22); a double click sends the same token.
     * The form is CSRF-protected and seen only by the coordinator who reads the receipt out, so the receipt may be
     * derived from the token alone.
     */
    public static String newSubmissionToken() {
        return encode(Bytes.random(17), TOKEN_CHARACTERS);
    }

    public static boolean isSubmissionToken(String token) {
        return token != null
                && token.length() == TOKEN_CHARACTERS
                && token.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    /** The receipt for a call form's token: 100 bits of HMAC-SHA256 keyed by the token, never stored. */
    public static String fromSubmissionToken(String token) {
        if (!isSubmissionToken(token)) {
            throw new IllegalArgumentException("not a submission token");
        }
        var hmac = new org.bouncycastle.crypto.macs.HMac(new org.bouncycastle.crypto.digests.SHA256Digest());
        hmac.init(new org.bouncycastle.crypto.params.KeyParameter(Bytes.utf8(token)));
        byte[] label = Bytes.utf8("tipline/receipt-from-token/v1");
        hmac.update(label, 0, label.length);
        byte[] mac = new byte[hmac.getMacSize()];
        hmac.doFinal(mac, 0);
        return fromMac(mac);
    }

    /** The first {@code characters * 5} bits of {@code bytes}, in Crockford base32. */
    private static String encode(byte[] bytes, int characters) {
        var out = new StringBuilder(characters);
        for (int i = 0; i < characters; i++) {
            int bit = i * 5;
            int value = 0;
            for (int b = 0; b < 5; b++) {
                int index = bit + b;
                value = (value << 1) | ((bytes[index / 8] >> (7 - index % 8)) & 1);
            }
            out.append(ALPHABET.charAt(value));
        }
        return out.toString();
    }

    private static String grouped(String characters) {
        var out = new StringBuilder(characters.length() + characters.length() / 4);
        for (int i = 0; i < characters.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(characters.charAt(i));
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
