package org.tipline.intake.abuse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, and one key per purpose derived from intake's secret so no MAC can stand in for another. */
public final class Hmac {

    private Hmac() {}

    public static byte[] derive(byte[] secret, String purpose) {
        return sha256(secret, purpose.getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] sha256(byte[] key, byte[]... parts) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                hmac.update(part);
            }
            return hmac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
