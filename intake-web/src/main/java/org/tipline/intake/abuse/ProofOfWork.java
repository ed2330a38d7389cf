package org.tipline.intake.abuse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.tipline.model.crypto.BalloonHash;
import org.tipline.model.crypto.Bytes;

/**
 * The pass needed to send a tip (ADR 17): {@code v2.<issued>.<difficulty>.<wait>.<id>.<mac>}, issued with the review
 * page and bound by its MAC to that page's submission (token and exact answers). It is redeemed either with work, a
 * nonce such that BalloonHash(pass | token | nonce) starts with {@code difficulty} zero bits, found by the browser in
 * a Web Worker; or, without JavaScript, by waiting: it becomes valid {@code wait} seconds after it was issued. Both
 * rise with load. Each pass files at most one tip: its id is spent, in the database, in the transaction that files
 * it, so replicas cannot be played against each other.
 */
public final class ProofOfWork {

    public static final int SPACE = 4096;
    public static final int TIME = 1;
    public static final int DELTA = 3;
    static final byte[] SALT = "tipline/proof-of-work/v1".getBytes(StandardCharsets.US_ASCII);
    /** A pass older than this is refused; it is also how long its spent id is kept. */
    public static final Duration LIFETIME = Duration.ofHours(1);
    /** Replicas' clocks may differ a little; a pass from slightly ahead is still accepted. */
    private static final long CLOCK_SKEW_SECONDS = 30;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final Clock clock;
    private final SendLoad load;

    public ProofOfWork(byte[] secret, Clock clock, SendLoad load) {
        this.key = Hmac.derive(secret, "tipline/send-pass/v1");
        this.clock = clock;
        this.load = load;
    }

    /** A fresh pass for the submission {@code binding} stands for, at the difficulty and wait the load calls for. */
    public Pass issue(byte[] binding) {
        SendLoad.Cost cost = load.issuedOne();
        String body = "v2." + clock.instant().getEpochSecond() + "." + cost.difficulty() + "."
                + cost.waitBeforeSending().toSeconds() + "." + B64.encodeToString(Bytes.random(16));
        return new Pass(body + "." + mac(body, binding), cost.difficulty(), cost.waitBeforeSending());
    }

    /** Checks a pass for the submission {@code binding} stands for; the MAC comes first, so forgeries cost no hash. */
    public Verdict verify(String pass, byte[] binding, String submissionToken, String nonce) {
        if (pass == null || pass.length() > 200) {
            return Verdict.INVALID;
        }
        String[] parts = pass.split("\\.", -1);
        if (parts.length != 6 || !parts[0].equals("v2")) {
            return Verdict.INVALID;
        }
        String body = pass.substring(0, pass.lastIndexOf('.'));
        if (!MessageDigest.isEqual(
                mac(body, binding).getBytes(StandardCharsets.US_ASCII), parts[5].getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.INVALID;
        }
        long issued = Long.parseLong(parts[1]);
        int difficulty = Integer.parseInt(parts[2]);
        long wait = Long.parseLong(parts[3]);
        long now = clock.instant().getEpochSecond();
        if (issued > now + CLOCK_SKEW_SECONDS || now - issued > LIFETIME.toSeconds()) {
            return Verdict.INVALID;
        }
        byte[] id = B64_DECODER.decode(parts[4]);
        Instant expires = Instant.ofEpochSecond(issued).plus(LIFETIME);
        if (now >= issued + wait) {
            return new Verdict(Outcome.WAITED, id, expires, difficulty, 0);
        }
        boolean worked = nonce != null
                && !nonce.isEmpty()
                && nonce.length() <= 20
                && BalloonHash.leadingZeroBits(work(pass, submissionToken, nonce)) >= difficulty;
        return worked
                ? new Verdict(Outcome.WORKED, id, expires, difficulty, 0)
                : new Verdict(Outcome.TOO_EARLY, id, expires, difficulty, issued + wait - now);
    }

    /** The value the browser hashes; the JavaScript builds the same bytes. */
    public static byte[] work(String pass, String submissionToken, String nonce) {
        byte[] input = (pass + "|" + submissionToken + "|" + nonce).getBytes(StandardCharsets.UTF_8);
        return BalloonHash.hash(input, SALT, SPACE, TIME, DELTA);
    }

    private String mac(String body, byte[] binding) {
        byte[] tag = Hmac.sha256(key, body.getBytes(StandardCharsets.US_ASCII), new byte[] {'|'}, binding);
        return B64.encodeToString(Arrays.copyOf(tag, 16));
    }

    /** What the review page carries: the pass, and what it asks of the browser and of a sender without JavaScript. */
    public record Pass(String value, int difficulty, Duration waitBeforeSending) {}

    public enum Outcome {
        /** Redeemed with work. */
        WORKED,
        /** Redeemed by waiting. */
        WAITED,
        /** Genuine, but sent before its wait was over and without work. */
        TOO_EARLY,
        /** Forged, for another submission, expired or missing. */
        INVALID
    }

    /**
     * @param id what is spent when the tip is filed
     * @param expires until when the spent id must be remembered
     * @param difficulty the work it asks for
     * @param secondsLeft for {@link Outcome#TOO_EARLY}, how long until the pass is valid without work
     */
    public record Verdict(Outcome outcome, byte[] id, Instant expires, int difficulty, long secondsLeft) {
        public static final Verdict INVALID = new Verdict(Outcome.INVALID, null, null, 0, 0);

        public boolean admits() {
            return outcome == Outcome.WORKED || outcome == Outcome.WAITED;
        }
    }
}
