package org.tipline.model.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Small byte helpers shared by the crypto classes. */
public final class Bytes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Bytes() {}

    public static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static SecureRandom secureRandom() {
        return RANDOM;
    }
}
