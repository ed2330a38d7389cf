package org.tipline.intake;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.tip.Attachments;
import org.tipline.testsupport.FormPosts;

/** Follow-up uploads as a browser sends them (receipt first), and the stored copies read back as staff would. */
final class UploadRequests {

    static final String BOUNDARY = "----tipline-test-boundary";

    record File(String name, byte[] content) {}

    private UploadRequests() {}

    static byte[] body(String receipt, List<File> files) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"receipt\"\r\n\r\n" + receipt + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        for (File file : files) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                            + file.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static HttpResponse<String> postForm(int port, String path, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        FormPosts.to("http://localhost:" + port + path, body).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> upload(int port, String receipt, List<File> files) throws Exception {
        return upload(port, body(receipt, files));
    }

    /**
     * Sends a body built once and streamed from it: {@code ofByteArray} would copy the whole body per request, and the
     * attack test's client shares the server's small heap.
     */
    static HttpResponse<String> upload(int port, byte[] body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/status/attachments"))
                                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                                .POST(HttpRequest.BodyPublishers.fromPublisher(
                                        HttpRequest.BodyPublishers.ofInputStream(
                                                () -> new java.io.ByteArrayInputStream(body)),
                                        body.length))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** The tip's stored files, opened with the tip line's key, oldest first. */
    static List<byte[]> storedFilesOf(String receipt) throws Exception {
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var select = owner.prepareStatement("SELECT a.id, a.wrapped_key, a.sealed FROM tip_attachment a "
                        + "JOIN tip t ON t.id = a.tip_id WHERE t.receipt_lookup = ? ORDER BY a.added_at")) {
            select.setBytes(1, Receipt.lookupId(receipt));
            var files = new java.util.ArrayList<byte[]>();
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    files.add(Attachments.open(
                            IntakeTestDatabase.TIP_LINE_KEY,
                            rs.getObject(1, UUID.class),
                            rs.getBytes(2),
                            rs.getBytes(3)));
                }
            }
            return files;
        }
    }
}
