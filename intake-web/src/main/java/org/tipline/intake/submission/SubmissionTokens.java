package org.tipline.intake.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.tipline.intake.abuse.Hmac;
import org.tipline.model.crypto.Bytes;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.TipAnswersCodec;

/**
 * Submission tokens that intake recognises as its own (ADR 17): {@code <expiry minute>.<random>.<MAC>}, issued afresh
 * with every form and review page it renders. The receipt is a MAC, under another key of intake's, of the token and
 * the exact answers: a repeat of the same submission finds the same receipt, while whoever knows a token (an attacker
 * who planted it) can neither compute the receipt nor make a different tip look "already received".
 */
public final class SubmissionTokens {

    /** Long enough for a tipster who leaves the page open, then sends; short enough that old pages stop working. */
    static final Duration LIFETIME = Duration.ofHours(24);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final byte[] tokenKey;
    private final byte[] receiptKey;
    private final Clock clock;

    public SubmissionTokens(byte[] secret, Clock clock) {
        this.tokenKey = Hmac.derive(secret, "tipline/submission-token/v1");
        this.receiptKey = Hmac.derive(secret, "tipline/receipt-of-submission/v1");
        this.clock = clock;
    }

    public String issue() {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond() / 60;
        String body = expires + "." + B64.encodeToString(Bytes.random(16));
        return body + "." + mac(body);
    }

    /** Issued by intake (any replica sharing the secret) and not expired. */
    public boolean isOurs(String token) {
        if (token == null || token.length() > 80) {
            return false;
        }
        int lastDot = token.lastIndexOf('.');
        int firstDot = token.indexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot) {
            return false;
        }
        String body = token.substring(0, lastDot);
        byte[] given = token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII), given)) {
            return false;
        }
        try {
            return Long.parseLong(token.substring(0, firstDot)) * 60
                    >= clock.instant().getEpochSecond();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * 32 bytes that stand for this token with exactly these answers. Its first 100 bits are the receipt; the proof
     * of work is bound to it as a whole.
     */
    public byte[] digest(String token, TipAnswers answers) {
        try {
            byte[] answersHash = MessageDigest.getInstance("SHA-256").digest(TipAnswersCodec.encode(answers));
            return Hmac.sha256(receiptKey, token.getBytes(StandardCharsets.US_ASCII), new byte[] {0}, answersHash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public static String receipt(byte[] digest) {
        return Receipt.fromMac(digest);
    }

    private String mac(String body) {
        return B64.encodeToString(Arrays.copyOf(Hmac.sha256(tokenKey, body.getBytes(StandardCharsets.US_ASCII)), 16));
    }
}
