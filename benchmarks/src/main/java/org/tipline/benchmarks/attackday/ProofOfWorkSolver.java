package org.tipline.benchmarks.attackday;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tipline.model.crypto.BalloonHash;

/**
 * The genuine tipster's browser on the review page, done in Java (ADR 17): the page carries a single-use pass bound to
 * its submission token and exact answers; the browser looks for a nonce such that BalloonHash(pass | token | nonce)
 * has the page's number of leading zero bits, and sends as soon as it has one or the pass's wait is over, whichever
 * comes first (a pass is valid without work once its wait is over, as for a browser without JavaScript). The scheme
 * is intake's ({@code abuse/ProofOfWork.java}, {@code static/js/proof-of-work*.js}) over shared-model's
 * {@link BalloonHash}, the same code the server checks with.
 */
final class ProofOfWorkSolver {

    private static final byte[] SALT = "tipline/proof-of-work/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int SPACE = 4096;
    private static final int TIME = 1;
    private static final int DELTA = 3;
    private static final Pattern DIFFICULTY = Pattern.compile("data-pow-difficulty=\"(\\d+)\"");
    private static final Pattern WAIT = Pattern.compile("data-pow-wait=\"(\\d+)\"");

    private ProofOfWorkSolver() {}

    /**
     * The review form's fields with the nonce filled in, or left empty once the pass's wait is over (the browser
     * script's rule, with its one second of margin); unchanged when the page asks for no work.
     */
    static List<Map.Entry<String, String>> solve(String reviewPage, List<Map.Entry<String, String>> fields) {
        Matcher difficulty = DIFFICULTY.matcher(reviewPage);
        String pass = value(fields, "powChallenge");
        if (!difficulty.find() || pass == null || pass.isEmpty()) {
            return fields;
        }
        long validWithoutWorkAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds(reviewPage) + 1);
        String token = value(fields, "submission");
        int bits = Integer.parseInt(difficulty.group(1));
        String nonce = "";
        for (long n = 0; nonce.isEmpty() && System.nanoTime() < validWithoutWorkAt; n++) {
            if (BalloonHash.leadingZeroBits(work(pass, token, Long.toString(n))) >= bits) {
                nonce = Long.toString(n);
            }
        }
        sleepUntil(nonce.isEmpty() ? validWithoutWorkAt : System.nanoTime());
        List<Map.Entry<String, String>> solved = new ArrayList<>();
        for (var field : fields) {
            solved.add(field.getKey().equals("powNonce") ? Map.entry("powNonce", nonce) : field);
        }
        return solved;
    }

    /** How long the review page's pass asks a sender without work to wait, in seconds (0 when it does not say). */
    static long waitSeconds(String reviewPage) {
        Matcher wait = WAIT.matcher(reviewPage);
        return wait.find() ? Long.parseLong(wait.group(1)) : 0;
    }

    static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String value(List<Map.Entry<String, String>> fields, String name) {
        return fields.stream()
                .filter(f -> f.getKey().equals(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static byte[] work(String pass, String token, String nonce) {
        byte[] input = (pass + "|" + token + "|" + nonce).getBytes(StandardCharsets.UTF_8);
        return BalloonHash.hash(input, SALT, SPACE, TIME, DELTA);
    }
}
