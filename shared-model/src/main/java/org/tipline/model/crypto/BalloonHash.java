package org.tipline.model.crypto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Balloon hashing (Boneh, Corrigan-Gibbs and Schechter, 2016) over SHA-256: a memory-hard function simple enough to
 * write identically in the browser (intake-web's {@code static/js/proof-of-work-worker.js}) without any library. {@code space}
 * 32-byte blocks are filled, then mixed {@code time} rounds, each block with its predecessor and {@code delta}
 * pseudo-randomly chosen others, so computing it needs all blocks in memory at once.
 *
 * <p>Integers are hashed as 8-byte little-endian values; a block index is the digest's first four bytes as an
 * unsigned big-endian integer, modulo {@code space} (a power of two). Known answers shared with the browser's copy:
 * {@code balloon-hash-vectors.json} in this module's test resources.
 */
public final class BalloonHash {

    private BalloonHash() {}

    public static byte[] hash(byte[] password, byte[] salt, int space, int time, int delta) {
        if (Integer.bitCount(space) != 1) {
            throw new IllegalArgumentException("space must be a power of two");
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[][] blocks = new byte[space][];
        long counter = 0;
        blocks[0] = digest(sha256, le(counter++), password, salt);
        for (int m = 1; m < space; m++) {
            blocks[m] = digest(sha256, le(counter++), blocks[m - 1]);
        }
        for (int t = 0; t < time; t++) {
            for (int m = 0; m < space; m++) {
                byte[] previous = blocks[(m - 1 + space) % space];
                blocks[m] = digest(sha256, le(counter++), previous, blocks[m]);
                for (int i = 0; i < delta; i++) {
                    byte[] indexBlock = digest(sha256, le(t), le(m), le(i));
                    byte[] pick = digest(sha256, le(counter++), salt, indexBlock);
                    int other = (int) (ByteBuffer.wrap(pick, 0, 4).getInt() & 0xffffffffL & (space - 1));
                    blocks[m] = digest(sha256, le(counter++), blocks[m], blocks[other]);
                }
            }
        }
        return blocks[space - 1];
    }

    /** How many of the digest's leading bits are zero. */
    public static int leadingZeroBits(byte[] digest) {
        int bits = 0;
        for (byte b : digest) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
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
