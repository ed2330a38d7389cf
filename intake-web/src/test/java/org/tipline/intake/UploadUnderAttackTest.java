package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.intake.followup.SamplePhotos;

/**
 * The upload attacks that took intake to OutOfMemoryError, run at once against a real server in a JVM with the
 * launcher's 512 MB heap (see the small-heap-attacks execution in the pom): uploads with a wrong receipt and 5 x 10 MB
 * of files, and 49.9-megapixel PNGs of 145 KB with a valid receipt. The server stays up, answers each with a page
 * (never a 500), and a genuine tipster's follow-up and photo still get through.
 */
@IntakeIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class UploadUnderAttackTest {

    private static final byte[] TEN_MEGABYTES = new byte[10 * 1024 * 1024 - 1024];

    @LocalServerPort
    int port;

    @Test
    void aWrongReceiptIsAnsweredBeforeAnyFileIsSent() throws Exception {
        byte[] whole = UploadRequests.body("not-a-receipt", List.of(new UploadRequests.File("a.jpg", TEN_MEGABYTES)));
        int receiptPart = new String(whole, 0, 400, StandardCharsets.ISO_8859_1).indexOf("filename=");
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /status/attachments HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; "
                            + "boundary=" + UploadRequests.BOUNDARY + "\r\nContent-Length: " + whole.length
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(whole, 0, receiptPart);
            out.flush();

            String answer = readHead(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("This does not look like a receipt");
        }
    }

    @Test
    void concurrentUploadAttacksLeaveTheServerHealthyAndAGenuineTipsterGetsThrough(CapturedOutput log)
            throws Exception {
        String attackersOwn =
                FollowUpIntegrationTest.receiptIn(UploadRequests.postForm(port, "/tips", "location=Attacker+Alley")
                        .body());
        String genuine = FollowUpIntegrationTest.receiptIn(
                UploadRequests.postForm(port, "/tips", "location=Genuine+Grove").body());
        byte[] pixelBomb = pixelBombPng(7070, 7060);
        assertThat(pixelBomb.length).isLessThan(200_000);
        List<UploadRequests.File> fiftyMegabytes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fiftyMegabytes.add(new UploadRequests.File("junk" + i + ".jpg", TEN_MEGABYTES));
        }
        byte[] wrongReceiptBody = UploadRequests.body("not-a-receipt", fiftyMegabytes);
        byte[] pixelBombBody =
                UploadRequests.body(attackersOwn, List.of(new UploadRequests.File("bomb.png", pixelBomb)));
        var heap = new HeapSampler();

        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> bombAnswers = new ConcurrentHashMap<>();
        var pool = Executors.newFixedThreadPool(14);
        List<Future<?>> attacks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attacks.add(pool.submit(count(
                    answers, () -> UploadRequests.upload(port, wrongReceiptBody).statusCode())));
        }
        for (int i = 0; i < 6; i++) {
            attacks.add(pool.submit(count(
                    bombAnswers,
                    () -> UploadRequests.upload(port, pixelBombBody).statusCode())));
        }

        var lookUp = UploadRequests.postForm(port, "/status", "receipt=" + genuine);
        var reply = UploadRequests.postForm(port, "/status/messages", "receipt=" + genuine + "&text=Still+there");
        int photo = 0;
        for (int attempt = 0; attempt < 20 && photo != 200; attempt++) {
            photo = UploadRequests.upload(
                            port,
                            genuine,
                            List.of(new UploadRequests.File("van.jpg", SamplePhotos.jpegWithExif("genuine"))))
                    .statusCode();
            assertThat(photo)
                    .as("a genuine photo is added or the tipster is asked to retry")
                    .isIn(200, 503);
        }
        for (Future<?> attack : attacks) {
            attack.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();
        long peak = heap.stop();

        assertThat(lookUp.statusCode()).isEqualTo(200);
        assertThat(lookUp.body()).contains("Received: your tip is stored");
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(photo).isEqualTo(200);
        assertThat(answers.keySet()).as("answers to wrong receipts").isSubsetOf("400", "closed");
        assertThat(bombAnswers.keySet()).as("answers to pixel bombs").isSubsetOf("200", "503");
        assertThat(log.getAll()).doesNotContain("OutOfMemoryError");
        assertThat(UploadRequests.postForm(port, "/status", "receipt=" + genuine)
                        .statusCode())
                .isEqualTo(200);
        System.out.printf(
                "upload attack: wrong receipts %s, pixel bombs %s, peak heap %d MiB of %d MiB%n",
                answers, bombAnswers, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Runs one attack and counts its answer; a connection closed early after an answer counts as "closed". */
    private static Callable<Void> count(Map<String, AtomicInteger> answers, Callable<Integer> attack) {
        return () -> {
            String answer;
            try {
                answer = String.valueOf(attack.call());
            } catch (IOException closedEarly) {
                answer = "closed";
            } catch (OutOfMemoryError e) {
                answer = "OutOfMemoryError";
            }
            answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
            return null;
        };
    }

    /** An RGB PNG of the given size whose rows are all zero: megapixels that compress to almost nothing. */
    static byte[] pixelBombPng(int width, int height) throws IOException {
        var idat = new ByteArrayOutputStream();
        try (var deflate = new DeflaterOutputStream(idat)) {
            byte[] row = new byte[1 + width * 3];
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        var png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        png.writeBytes(SamplePhotos.pngChunk(
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put(new byte[] {8, 2, 0, 0, 0})
                        .array()));
        png.writeBytes(SamplePhotos.pngChunk("IDAT", idat.toByteArray()));
        png.writeBytes(SamplePhotos.pngChunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    private static String readHead(InputStream in) throws IOException {
        var read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            read.write(buffer, 0, n);
            if (read.toString(StandardCharsets.UTF_8).contains("</html>")) {
                break;
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    /** Samples used heap every 20 ms (after a collection it may be far lower, so this is an upper figure). */
    private static final class HeapSampler {
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        HeapSampler() {
            sampler.setDaemon(true);
            sampler.start();
        }

        long stop() throws InterruptedException {
            sampler.interrupt();
            sampler.join();
            return peak.get();
        }
    }
}
