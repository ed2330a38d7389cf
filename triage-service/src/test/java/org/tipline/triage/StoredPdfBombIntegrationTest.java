package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.tipline.model.tip.TipAnswers;

/**
 * A 474-byte PDF with a 14,400 x 14,400 pt page, stored before intake redrew PDFs (about 1.9 GB to draw at the
 * console's resolution), is opened by several coordinators at once: each is told it cannot be shown, the console stays
 * up, and an ordinary document still shows.
 */
@TriageIntegrationTest
class StoredPdfBombIntegrationTest extends SignedInCoordinatorTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @Test
    void aStoredPageBombIsRefusedForEveryViewerAndTheConsoleKeepsShowingOtherDocuments() throws Exception {
        var filed =
                SETUP.fileSealedTip(TipAnswers.builder().location("Bomb Bay").build());
        byte[] bomb = pdfWithPage(new PDRectangle(14_400, 14_400));
        assertThat(bomb.length).isLessThan(1_000);
        assertThat(SETUP.tipsterAttaches(filed.receipt(), "application/pdf", bomb))
                .isEqualTo("ADDED");
        assertThat(SETUP.tipsterAttaches(filed.receipt(), "application/pdf", pdfWithPage(PDRectangle.A0)))
                .isEqualTo("ADDED");
        List<UUID> files = attachmentsOf(filed.id());
        String cookies = browser.getCookieManager().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));

        var pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> views = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String path = "/tips/" + filed.id() + "/attachments/" + files.get(i % 2) + "/pages/1";
            views.add(pool.submit((Callable<Integer>) () -> get(path, cookies).statusCode()));
        }
        List<Integer> bombAnswers = new ArrayList<>();
        List<Integer> posterAnswers = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            (i % 2 == 0 ? bombAnswers : posterAnswers).add(views.get(i).get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(bombAnswers).containsOnly(404);
        assertThat(posterAnswers).isSubsetOf(200, 503).contains(200);
        var view = get("/tips/" + filed.id() + "/attachments/" + files.get(0) + "/view", cookies);
        assertThat(view.statusCode()).isEqualTo(404);
        assertThat(view.body()).contains("cannot be shown");
        var poster = get("/tips/" + filed.id() + "/attachments/" + files.get(1) + "/pages/1", cookies);
        assertThat(poster.statusCode()).isEqualTo(200);
        var png = javax.imageio.ImageIO.read(
                new java.io.ByteArrayInputStream(poster.body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertThat((long) png.getWidth() * png.getHeight()).isLessThanOrEqualTo(4_000_000L);
    }

    private HttpResponse<String> get(String path, String cookies) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url(path)))
                                .header("Cookie", cookies)
                                .build(),
                        HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static List<UUID> attachmentsOf(UUID tip) throws Exception {
        try (var owner = SETUP.database.connectAsOwner();
                var select = owner.prepareStatement(
                        "SELECT id FROM tip_attachment WHERE tip_id = ? ORDER BY added_at, size_bytes")) {
            select.setObject(1, tip);
            List<UUID> ids = new ArrayList<>();
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private static byte[] pdfWithPage(PDRectangle size) throws Exception {
        try (var document = new PDDocument()) {
            document.addPage(new PDPage(size));
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
