package org.tipline.benchmarks.attackday;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/** The files and bodies of issue 14: small on the wire, huge once an app decodes or buffers them. */
final class Bombs {

    private Bombs() {}

    /** A valid one-page PDF of a few hundred bytes whose page is 14400 x 14400 pt (about 5 m square). */
    static byte[] pageBombPdf() {
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R /Resources << >> >>",
                "<< /Length 0 >>\nstream\n\nendstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** An RGB PNG just under the 50-megapixel limit, all black, so it compresses to about 150 KB. */
    static byte[] pixelBombPng() {
        return blackPng(7070);
    }

    /** A genuine tipster's photo: small enough for any budget. */
    static byte[] smallPhotoPng() {
        return blackPng(320);
    }

    private static byte[] blackPng(int side) {
        try {
            var idat = new ByteArrayOutputStream();
            try (var deflate = new DeflaterOutputStream(idat)) {
                byte[] row = new byte[1 + 3 * side];
                for (int y = 0; y < side; y++) {
                    deflate.write(row);
                }
            }
            var png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            chunk(
                    png,
                    "IHDR",
                    ByteBuffer.allocate(13)
                            .putInt(side)
                            .putInt(side)
                            .put(new byte[] {8, 2, 0, 0, 0})
                            .array());
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(typeBytes);
        png.write(data);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A multipart body: the receipt field, then files given as bytes or as a count of filler bytes. */
    static InputStream multipart(
            String boundary, String receipt, List<byte[]> files, int fillerFiles, long fillerSize) {
        List<InputStream> parts = new ArrayList<>();
        parts.add(text(
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"receipt\"\r\n\r\n" + receipt + "\r\n"));
        int n = 0;
        for (byte[] file : files) {
            parts.add(fileHeader(boundary, n++));
            parts.add(new java.io.ByteArrayInputStream(file));
            parts.add(text("\r\n"));
        }
        for (int i = 0; i < fillerFiles; i++) {
            parts.add(fileHeader(boundary, n++));
            parts.add(filler(fillerSize));
            parts.add(text("\r\n"));
        }
        parts.add(text("--" + boundary + "--\r\n"));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    /** The stream, adding to {@code sent} each byte the client takes from it to send. */
    static InputStream counted(InputStream body, AtomicLong sent) {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    sent.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    sent.addAndGet(n);
                }
                return n;
            }
        };
    }

    private static InputStream fileHeader(String boundary, int n) {
        return text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"photo" + n
                + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
    }

    private static InputStream text(String s) {
        return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes made as they are read: the flood costs the attacker nothing to hold. */
    private static InputStream filler(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return 'x';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
    }
}
