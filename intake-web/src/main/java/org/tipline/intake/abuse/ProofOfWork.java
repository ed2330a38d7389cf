package org.tipline.intake.abuse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tipline.model.crypto.Bytes;

/**
 * A stateless proof-of-work challenge for sending a tip. The server issues {@code v1.<minute>.<random>.<mac>}; the
 * browser searches for a nonce such that BalloonHash(challenge | submission token | nonce) starts with
 * {@code difficulty} zero bits, in a Web Worker, while the tipster reads the review page. Verifying costs the server one
 * hash. The MAC and the minute stop forged or stored-up challenges; tying the work to the form's submission token
 * means a replay only repeats an already filed tip (ADR 8).
 */
public final class ProofOfWork {

    public static final int SPACE = 4096;
    public static final int TIME = 1;
    public static final int DELTA = 3;
    static final byte[] SALT = "tipline/proof-of-work/v1".getBytes(StandardCharsets.US_ASCII);
    private static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final int difficulty;
    private final Clock clock;

    public ProofOfWork(byte[] secret, int difficulty, Clock clock) {
        this.secret = secret.clone();
        this.difficulty = difficulty;
        this.clock = clock;
    }

    public int difficulty() {
        return difficulty;
    }

    public String challenge() {
        String body = "v1." + minute(clock.instant()) + "." + B64.encodeToString(Bytes.random(16));
        return body + "." + mac(body);
    }

    public boolean verify(String challenge, String submissionToken, String nonce) {
        if (challenge == null || nonce == null || submissionToken == null || nonce.length() > 20) {
            return false;
        }
        int lastDot = challenge.lastIndexOf('.');
        String[] parts = challenge.split("\\.");
        if (lastDot < 0 || parts.length != 4 || !parts[0].equals("v1")) {
            return false;
        }
        String body = challenge.substring(0, lastDot);
        if (!MessageDigest.isEqual(
                mac(body).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        long now = minute(clock.instant());
        if (issued > now || now - issued > LIFETIME.toMinutes()) {
            return false;
        }
        return BalloonHash.leadingZeroBits(work(challenge, submissionToken, nonce)) >= difficulty;
    }

    /** The value the browser hashes; the JavaScript builds the same bytes. */
    public static byte[] work(String challenge, String submissionToken, String nonce) {
        byte[] input = (challenge + "|" + submissionToken + "|" + nonce).getBytes(StandardCharsets.UTF_8);
        return BalloonHash.hash(input, SALT, SPACE, TIME, DELTA);
    }

    private String mac(String body) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] tag = hmac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
            return B64.encodeToString(java.util.Arrays.copyOf(tag, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long minute(Instant instant) {
        return instant.getEpochSecond() / 60;
    }
}
