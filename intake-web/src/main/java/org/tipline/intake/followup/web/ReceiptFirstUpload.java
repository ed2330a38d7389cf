package org.tipline.intake.followup.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.tipline.intake.followup.AttachmentCleaner;
import org.tipline.intake.followup.AttachmentIntake;
import org.tipline.intake.followup.UploadMemory;

/**
 * Reads a follow-up upload as it arrives, part by part. The form sends the receipt first, so the receipt is checked
 * before a single byte of any file is read; a request with a wrong receipt is answered without reading its files.
 * File bytes are held only in memory, and only as the shared upload budget allows.
 */
final class ReceiptFirstUpload {

    /** A receipt as typed, with room for spaces and dashes; anything longer is not one. */
    private static final int MAX_RECEIPT_BYTES = 100;

    private static final int CHUNK = 64 * 1024;

    /** Every file at its limit with room for the framing; a chunked body is cut off here as it is read. */
    private static final long MAX_BODY_BYTES =
            (long) AttachmentIntake.MAX_FILES_PER_UPLOAD * AttachmentCleaner.MAX_BYTES + 1024 * 1024;

    /**
     * A file part as the tipster's device named it, with its bytes and size; a file past the limit keeps no bytes,
     * only its size, so the tipster can be told how large it was.
     */
    record Part(String name, byte[] content, long size) {
        boolean tooBig() {
            return size > AttachmentCleaner.MAX_BYTES;
        }
    }

    /** The body is not a multipart form we can read. */
    static final class Unreadable extends Exception {
        Unreadable(Throwable cause) {
            super("unreadable upload", cause);
        }
    }

    /** More file parts than one upload may carry. */
    static final class TooManyFiles extends Exception {
        TooManyFiles() {
            super("too many files");
        }
    }

    private final FileItemInputIterator parts;

    ReceiptFirstUpload(HttpServletRequest request) throws Unreadable {
        var upload = new JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory>();
        upload.setSizeMax(MAX_BODY_BYTES);
        try {
            this.parts = upload.getItemIterator(request);
        } catch (IOException e) {
            throw new Unreadable(e);
        }
    }

    /** The receipt if it is the first part, as the form sends it; empty otherwise, so the lookup refuses it. */
    String receipt() throws Unreadable {
        try {
            if (!parts.hasNext()) {
                return "";
            }
            FileItemInput first = parts.next();
            if (!first.isFormField() || !"receipt".equals(first.getFieldName())) {
                return "";
            }
            try (InputStream in = first.getInputStream()) {
                byte[] typed = in.readNBytes(MAX_RECEIPT_BYTES + 1);
                return typed.length > MAX_RECEIPT_BYTES ? "" : new String(typed, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new Unreadable(e);
        }
    }

    /** The chosen files, each read into memory taken from {@code memory}; empty file inputs are skipped. */
    List<Part> files(UploadMemory.Share memory)
            throws Unreadable, TooManyFiles, UploadMemory.Busy, InterruptedException {
        var files = new ArrayList<Part>();
        try {
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (part.isFormField() || !"files".equals(part.getFieldName())) {
                    continue;
                }
                String name = part.getName() == null ? "" : part.getName();
                try (InputStream in = part.getInputStream()) {
                    Part read = read(name, in, memory);
                    if (read.content().length == 0 && name.isEmpty()) {
                        continue;
                    }
                    if (files.size() == AttachmentIntake.MAX_FILES_PER_UPLOAD) {
                        throw new TooManyFiles();
                    }
                    files.add(read);
                }
            }
        } catch (IOException e) {
            throw new Unreadable(e);
        }
        return files;
    }

    /** Reads chunk by chunk, taking budget first; past the limit the rest is skipped, not kept. */
    private static Part read(String name, InputStream in, UploadMemory.Share memory)
            throws IOException, UploadMemory.Busy, InterruptedException {
        var chunks = new ArrayList<byte[]>();
        long total = 0;
        while (true) {
            // Each chunk and, at the end, the whole file it is copied into.
            memory.grow(2L * CHUNK);
            byte[] chunk = in.readNBytes(CHUNK);
            if (chunk.length == 0) {
                break;
            }
            total += chunk.length;
            if (total > AttachmentCleaner.MAX_BYTES) {
                memory.shrink(2 * total);
                total += in.transferTo(OutputStream.nullOutputStream());
                return new Part(name, new byte[0], total);
            }
            chunks.add(chunk);
        }
        byte[] content = new byte[(int) total];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, content, at, chunk.length);
            at += chunk.length;
        }
        return new Part(name, content, total);
    }
}
