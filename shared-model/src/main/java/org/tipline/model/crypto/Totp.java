package org.tipline.model.crypto;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, 6 digits, the settings
 * every authenticator app understands. A code is accepted one step either side of now to allow for clock drift; the
 * caller rejects a step at or before the last one accepted, so a code works once.
 */
public final class Totp {

    public static final int SECRET_BYTES = 20;
    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {}

    public static byte[] newSecret() {
        return Bytes.random(SECRET_BYTES);
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for one time step, zero-padded to {@code digits}. */
    public static String code(byte[] secret, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
        } catch (java.security.GeneralSecurityException e) {
            throw new CryptoException("HMAC-SHA1 unavailable", e);
        }
    }

    public static String code(byte[] secret, Instant at) {
        return code(secret, step(at), DIGITS);
    }

    /**
     * The time step the typed code belongs to, if it matches now or one step either side. Spaces are ignored; every
     * candidate is compared in constant time.
     */
    public static OptionalLong matchingStep(byte[] secret, String typed, Instant now) {
        String digits = typed == null ? "" : typed.replace(" ", "");
        if (!digits.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long matched = Long.MIN_VALUE;
        for (long candidate = current - 1; candidate <= current + 1; candidate++) {
            if (java.security.MessageDigest.isEqual(Bytes.utf8(code(secret, candidate, DIGITS)), Bytes.utf8(digits))) {
                matched = candidate;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** RFC 4648 base32 without padding, as authenticator apps expect the secret. */
    public static String base32(byte[] secret) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : secret) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    public static byte[] fromBase32(String encoded) {
        String clean = encoded.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    /** The otpauth URI an authenticator app reads from the enrolment QR code. */
    public static String provisioningUri(String issuer, String account, byte[] secret) {
        String label = urlEncode(issuer) + ":" + urlEncode(account);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + urlEncode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    /** Seals a TOTP secret to a staff member's personal public key, bound to their username. */
    public static byte[] seal(HpkeSuite suite, byte[] personalPublicKey, String username, byte[] secret) {
        return Hpke.seal(suite, personalPublicKey, "tipline/totp/v1", Bytes.utf8(username), secret);
    }

    public static byte[] open(HpkeKeyPair personal, String username, byte[] sealed) {
        return Hpke.open(personal, "tipline/totp/v1", Bytes.utf8(username), sealed);
    }
}
