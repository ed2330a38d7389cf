package org.tipline.triage.delivery;

import java.time.Duration;

/** What the referral and alert outboxes share about a failed delivery: when to try again, and how to say why. */
public final class Retries {

    private Retries() {}

    /** The first wait, doubled after each further failure (capped so the shift cannot overflow). */
    public static Duration backoff(Duration first, int attempts) {
        return first.multipliedBy(1L << Math.min(attempts - 1, 16));
    }

    /** The innermost reason on one line, at most 300 characters; outbox content is never in it (it is ciphertext). */
    public static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
