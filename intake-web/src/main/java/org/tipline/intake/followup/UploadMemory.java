package org.tipline.intake.followup;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One memory budget shared by every upload in flight: the bytes of files being received and the pixels being decoded
 * or drawn. Sized from the heap, so a small JVM simply takes fewer uploads at once instead of running out of memory.
 * A request that cannot get its share within a short wait is told to try again (503); nothing it sent is kept.
 */
@Component
public class UploadMemory {

    /** Budget accounting is in KiB so a 51 MB request fits an int semaphore on any heap. */
    private static final int KIB = 1024;

    private final Semaphore kibibytes;
    private final int totalKibibytes;
    private final long waitMillis;

    UploadMemory(
            @Value("${tipline.intake.upload.heap-share:0.25}") double heapShare,
            @Value("${tipline.intake.upload.wait-millis:3000}") long waitMillis) {
        this.totalKibibytes =
                (int) Math.min(Integer.MAX_VALUE, (long) (Runtime.getRuntime().maxMemory() * heapShare) / KIB);
        this.kibibytes = new Semaphore(totalKibibytes, true);
        this.waitMillis = waitMillis;
    }

    /** The most one request may ever hold; anything larger is refused outright rather than waited for. */
    public long totalBytes() {
        return (long) totalKibibytes * KIB;
    }

    /** Thrown when the budget stayed full for the whole wait. */
    public static class Busy extends Exception {
        public Busy() {
            super("upload memory budget is in use");
        }
    }

    /** A share of the budget, returned by {@link #close()}; grows as a request reads more. */
    public final class Share implements AutoCloseable {
        private int held;

        private Share() {}

        /** Takes room for {@code bytes} more, waiting briefly for others to finish. */
        public void grow(long bytes) throws Busy, InterruptedException {
            int wanted = (int) Math.min(totalKibibytes + 1L, (bytes + KIB - 1) / KIB);
            if (wanted > totalKibibytes - held || !kibibytes.tryAcquire(wanted, waitMillis, TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
            held += wanted;
        }

        /** Gives back what was taken for work that is over (a decoded picture already encoded again). */
        public void shrink(long bytes) {
            int returned = (int) Math.min(held, bytes / KIB);
            held -= returned;
            kibibytes.release(returned);
        }

        @Override
        public void close() {
            kibibytes.release(held);
            held = 0;
        }
    }

    public Share share() {
        return new Share();
    }
}
