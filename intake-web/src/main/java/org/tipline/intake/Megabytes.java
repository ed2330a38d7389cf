package org.tipline.intake;

/**
 * Sizes as a tipster's phone shows them: decimal megabytes, a size rounded up to a tenth and a limit rounded down,
 * so a refused file never reads as smaller than the limit it broke.
 */
public final class Megabytes {

    private static final double BYTES = 1_000_000;

    private Megabytes() {}

    public static double of(long bytes) {
        return Math.ceil(bytes * 10 / BYTES) / 10;
    }

    public static long limit(long bytes) {
        return (long) Math.floor(bytes / BYTES);
    }
}
