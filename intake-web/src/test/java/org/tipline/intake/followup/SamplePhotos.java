package org.tipline.intake.followup;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Photos as phones make them, with metadata a tipster must never leak. */
public final class SamplePhotos {

    private SamplePhotos() {}

    /** A small JPEG with an APP1 Exif segment carrying the given text, as cameras write them. */
    public static byte[] jpegWithExif(String text) throws Exception {
        var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xff0000);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        byte[] plain = out.toByteArray();
        byte[] payload = ("Exif\0\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        var withExif = new ByteArrayOutputStream();
        withExif.write(plain, 0, 2);
        withExif.write(0xFF);
        withExif.write(0xE1);
        withExif.write((payload.length + 2) >> 8);
        withExif.write((payload.length + 2) & 0xff);
        withExif.writeBytes(payload);
        withExif.write(plain, 2, plain.length - 2);
        return withExif.toByteArray();
    }

    /** One PNG chunk: length, type, data and the CRC over type and data. */
    public static byte[] pngChunk(String type, byte[] data) {
        var crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(type.getBytes(StandardCharsets.US_ASCII))
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }
}
