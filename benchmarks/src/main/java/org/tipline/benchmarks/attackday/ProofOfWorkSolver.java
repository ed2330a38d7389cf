package org.tipline.benchmarks.attackday;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The genuine tipster's browser work on the review page, done in Java: find a nonce such that
 * BalloonHash(challenge | submission | nonce) has the page's number of leading zero bits. The scheme is intake's
 * ({@code abuse/ProofOfWork.java}, {@code static/js/proof-of-work-worker.js}); when it changes, only this class does.
 */
final class ProofOfWorkSolver {

    private static final byte[] SALT = "tipline/proof-of-work/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int SPACE = 4096;
    private static final int TIME = 1;
    private static final int DELTA = 3;
    private static final Pattern DIFFICULTY = Pattern.compile("data-pow-difficulty=\"(\\d+)\"");

    private ProofOfWorkSolver() {}

    /** The review form's fields with the nonce filled in, or unchanged when the page asks for no work. */
    static List<Map.Entry<String, String>> solve(String reviewPage, List<Map.Entry<String, String>> fields) {
        Matcher difficulty = DIFFICULTY.matcher(reviewPage);
        String challenge = value(fields, "powChallenge");
        if (!difficulty.find() || challenge == null || challenge.isEmpty()) {
            return fields;
        }
        String submission = value(fields, "submission");
        int bits = Integer.parseInt(difficulty.group(1));
        String nonce = null;
        for (long n = 0; nonce == null; n++) {
            if (leadingZeroBits(work(challenge, submission, Long.toString(n))) >= bits) {
                nonce = Long.toString(n);
            }
        }
        List<Map.Entry<String, String>> solved = new ArrayList<>();
        for (var field : fields) {
            solved.add(field.getKey().equals("powNonce") ? Map.entry("powNonce", nonce) : field);
        }
        return solved;
    }

    private static String value(List<Map.Entry<String, String>> fields, String name) {
        return fields.stream()
                .filter(f -> f.getKey().equals(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static byte[] work(String challenge, String submission, String nonce) {
        byte[] input = (challenge + "|" + submission + "|" + nonce).getBytes(StandardCharsets.UTF_8);
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[][] blocks = new byte[SPACE][];
        long counter = 0;
        blocks[0] = digest(sha256, le(counter++), input, SALT);
        for (int m = 1; m < SPACE; m++) {
            blocks[m] = digest(sha256, le(counter++), blocks[m - 1]);
        }
        for (int t = 0; t < TIME; t++) {
            for (int m = 0; m < SPACE; m++) {
                blocks[m] = digest(sha256, le(counter++), blocks[(m - 1 + SPACE) % SPACE], blocks[m]);
                for (int i = 0; i < DELTA; i++) {
                    byte[] pick = digest(sha256, le(counter++), SALT, digest(sha256, le(t), le(m), le(i)));
                    int other = ByteBuffer.wrap(pick, 0, 4).getInt() & (SPACE - 1);
                    blocks[m] = digest(sha256, le(counter++), blocks[m], blocks[other]);
                }
            }
        }
        return blocks[SPACE - 1];
    }

    private static int leadingZeroBits(byte[] digest) {
        int bits = 0;
        for (byte b : digest) {
            if (b != 0) {
                return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
            }
            bits += 8;
        }
        return bits;
    }

    private static byte[] digest(MessageDigest sha256, byte[]... parts) {
        for (byte[] part : parts) {
            sha256.update(part);
        }
        return sha256.digest();
    }

    private static byte[] le(long value) {
        return ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(value)
                .array();
    }
}
