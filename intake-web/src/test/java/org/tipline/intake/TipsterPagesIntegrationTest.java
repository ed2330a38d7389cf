package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public pages over real HTTP: the language the browser asks for when none was chosen, the links every page
 * carries, and refusals for files that are too large that say how large, the limit, and what to do instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TipsterPagesIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        IntakeTestDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theBrowsersLanguageIsUsedWhenNoneWasChosenAndNothingIsStored() throws Exception {
        var spanish = get("/", "es-MX,es;q=0.9,en;q=0.5");
        assertThat(spanish.body())
                .contains("<html lang=\"es\"")
                .contains("Denuncie una sospecha de trata de personas")
                .contains("action=\"/tips?lang=es\"");
        assertThat(spanish.headers().firstValue("Set-Cookie")).isEmpty();

        assertThat(get("/", "de-DE,de;q=0.9,es;q=0.8,en;q=0.7").body()).contains("<html lang=\"es\"");
        assertThat(get("/?lang=en", "es").body()).contains("<html lang=\"en\"");
        assertThat(get("/", "fr-FR,fr;q=0.9").body()).contains("<html lang=\"en\"");
        assertThat(get("/", null).body()).contains("<html lang=\"en\"");
        var unreadable = get("/", "es;q=banana,,;;=");
        assertThat(unreadable.statusCode()).isEqualTo(200);
        assertThat(unreadable.body()).contains("<html lang=\"en\"");

        var lookUp = http.send(
                HttpRequest.newBuilder(url("/status"))
                        .header("Accept-Language", "es")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("receipt=not+a+receipt"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(lookUp.statusCode()).isEqualTo(400);
        assertThat(lookUp.body()).contains("Esto no parece un comprobante");
    }

    @Test
    void everyPublicPageLinksToCheckingOnATipAndToStayingSafe() throws Exception {
        for (String language : List.of("en", "es")) {
            List<HttpResponse<String>> pages = List.of(
                    get("/?lang=" + language, null),
                    get("/status?lang=" + language, null),
                    get("/safety?lang=" + language, null),
                    get("/no-such-page?lang=" + language, null),
                    UploadRequests.postForm(port, "/tips?lang=" + language, "location=" + "x".repeat(2_000_000)));
            for (var page : pages) {
                assertThat(page.body())
                        .as(page.uri().toString())
                        .contains("id=\"check-link\" href=\"/status?lang=" + language + "\"")
                        .contains("id=\"safety-link\" href=\"/safety?lang=" + language + "\"");
            }
        }
        assertThat(get("/safety?lang=es", null).body())
                .contains("<h1 id=\"safety-note\">Cómo protegerse al denunciar</h1>")
                .contains("navegador Tor");
    }

    @Test
    void theReceiptPageGivesEverySupportServiceWithAPhoneANumberToCallInBothLanguages() throws Exception {
        for (String language : List.of("en", "es")) {
            String receiptPage = UploadRequests.postForm(port, "/tips?lang=" + language, "location=Support+Street")
                    .body();
            boolean english = language.equals("en");
            assertThat(receiptPage)
                    .contains(
                            english
                                    ? "Domestic Violence Crisis Center (DVCC)"
                                    : "Centro de Crisis de Violencia Doméstica (DVCC)")
                    .contains("<a href=\"tel:+1-888-774-2900\">+1-888-774-2900</a>")
                    .contains(english ? "in English or Spanish" : "en inglés o español");
        }
    }

    @Test
    void aPhotoOverTheLimitIsRefusedWithItsSizeTheLimitAndWhatToDo() throws Exception {
        String receipt =
                FollowUpIntegrationTest.receiptIn(UploadRequests.postForm(port, "/tips", "location=Big+Photo+Place")
                        .body());

        var english = upload("en", UploadRequests.body(receipt, List.of(sized("van.jpg", 11_000_000))));
        var spanish = upload("es", UploadRequests.body(receipt, List.of(sized("furgoneta.jpg", 10_486_000))));

        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body())
                .contains(
                        "van.jpg: this file is 11 MB, and each file can be at most 10 MB. Add a smaller copy instead");
        assertThat(spanish.statusCode()).isEqualTo(400);
        assertThat(spanish.body())
                .contains("furgoneta.jpg: este archivo pesa 10,5 MB, y cada archivo puede pesar como máximo 10 MB.");
        assertThat(UploadRequests.storedFilesOf(receipt)).isEmpty();
    }

    @Test
    void filesTooLargeTogetherAreRefusedWithTheirSizeTheLimitAndWhatToDo() throws Exception {
        // Only the declared length matters: the page answers before a byte of the body is read.
        String page = declareUpload(60_000_000);

        assertThat(page).startsWith("HTTP/1.1 413");
        assertThat(page)
                .contains("Your files are too large to send at once")
                .contains("the files you chose come to 60 MB together, and one upload can carry at most 5 files "
                        + "of up to 10 MB each")
                .contains("add the files a few at a time")
                .doesNotContain("shorten the longest answer")
                .doesNotContain("KB");
    }

    @Test
    void aTooLargeReportOfUnknownSizeIsNotGivenAMadeUpSize() throws Exception {
        byte[] body = ("location=" + "x".repeat(2_000_000)).getBytes(StandardCharsets.US_ASCII);
        // No declared length: the body is sent chunked and Tomcat stops parsing it at the limit.
        var chunked = http.send(
                HttpRequest.newBuilder(url("/tips"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body())
                .contains("the report was larger than the 1024 KB we accept at once")
                .doesNotContain("1025 KB");
    }

    @Test
    void aReportThatIsNotUtf8IsCalledUnreadableNotTooLargeAndFilesNothing() throws Exception {
        long tipsBefore = IntakeTestDatabase.tipCount();
        byte[] body = "location=Calle%20Mayor%20&whatHappened=ni%F1as%FF%FE".getBytes(StandardCharsets.US_ASCII);

        var response = http.send(
                HttpRequest.newBuilder(url("/tips"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept-Language", "es")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("No pudimos leer esta solicitud").doesNotContain("KB");
        assertThat(IntakeTestDatabase.tipCount()).isEqualTo(tipsBefore);
    }

    private String declareUpload(long length) throws Exception {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /status/attachments HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Content-Type: multipart/form-data; boundary=" + UploadRequests.BOUNDARY + "\r\n"
                                    + "Content-Length: " + length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            var read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!read.toString(StandardCharsets.UTF_8).contains("</html>")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                read.write(buffer, 0, n);
            }
            return read.toString(StandardCharsets.UTF_8);
        }
    }

    private static UploadRequests.File sized(String name, int bytes) {
        byte[] content = new byte[bytes];
        content[0] = (byte) 0xFF;
        content[1] = (byte) 0xD8;
        content[2] = (byte) 0xFF;
        return new UploadRequests.File(name, content);
    }

    private HttpResponse<String> upload(String language, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(url("/status/attachments"))
                        .header("Accept-Language", language)
                        .header("Content-Type", "multipart/form-data; boundary=" + UploadRequests.BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
        var request = HttpRequest.newBuilder(url(path));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
