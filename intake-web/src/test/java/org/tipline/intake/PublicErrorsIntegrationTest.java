package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.testsupport.FormPosts;

/**
 * Every answer intake gives, including the ones Tomcat writes itself and the errors, is one of our HTML pages with
 * the strict headers; parameter names no page produces are a 400, never a 500; and nothing of the request is logged.
 */
@IntakeIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PublicErrorsIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void oddParameterNamesAreRefusedWithOurPageAndNeverLogged(CapturedOutput output) throws Exception {
        List<String> names = List.of(
                "persons['1'].role",
                "persons[1 ].role",
                "persons[0x1].role",
                "persons[1].role\nFORGED-LOG-LINE zqxmarker",
                "vehicleDetails[0].plate.bytes");
        for (String name : names) {
            var response = post("/tips", "location=Elm+St&" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "=x");
            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertOurPage(response, "en");
            assertThat(response.body()).doesNotContain("\"status\"").contains("could not be read");
        }
        var spanish = post("/tips?lang=es", "persons%5B0x1%5D.role=x");
        assertThat(spanish.statusCode()).isEqualTo(400);
        assertOurPage(spanish, "es");
        assertThat(output.getAll())
                .doesNotContain("zqxmarker")
                .doesNotContain("0x1")
                .doesNotContain("persons['1']")
                .doesNotContain("persons[1 ]");
    }

    @Test
    void notFoundWrongMethodAndTheBareErrorPathAreOurPagesNotJson() throws Exception {
        var notFound = http.send(
                HttpRequest.newBuilder(URI.create(url("/no-such-page?lang=es")))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertOurPage(notFound, "es");

        var wrongMethod = http.send(
                HttpRequest.newBuilder(URI.create(url("/tips")))
                        .header("Accept", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("location=x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertOurPage(wrongMethod, "en");

        var bareError = http.send(
                HttpRequest.newBuilder(URI.create(url("/error"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bareError.statusCode()).isEqualTo(404);
        assertOurPage(bareError, "en");
        assertThat(bareError.body()).doesNotContain("999");
    }

    @Test
    void tomcatsOwnAnswersCarryOurHeadersAndPage(CapturedOutput output) throws Exception {
        String badRequestLine = raw("GET /?q=<zqxangle>| HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(badRequestLine).startsWith("HTTP/1.1 400");
        assertStrictHeaders(badRequestLine);
        assertThat(badRequestLine).contains("<html lang=\"en\"").doesNotContain("Apache Tomcat");

        String unknownVersion = raw("GET / HTTP/2.7\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(unknownVersion).startsWith("HTTP/1.1 505");
        assertStrictHeaders(unknownVersion);
        assertThat(unknownVersion).contains("<html lang=\"en\"").doesNotContain("Apache Tomcat");

        String undecodable = post("/tips", "location=Elm+St&zqx%ZZmarker=1").body();
        assertThat(undecodable).doesNotContain("Whitelabel");
        assertThat(output.getAll()).doesNotContain("zqx");
    }

    private void assertOurPage(HttpResponse<String> response, String language) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<html lang=\"" + language + "\"").contains("id=\"error-explanation\"");
        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        assertThat(headers.firstValue("Cache-Control")).contains("no-store");
        assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(headers.firstValue("X-XSS-Protection")).isEmpty();
    }

    private static void assertStrictHeaders(String rawResponse) {
        String head = rawResponse.substring(0, rawResponse.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head)
                .contains("content-security-policy: default-src 'self'")
                .contains("cache-control: no-store")
                .contains("referrer-policy: no-referrer")
                .contains("content-type: text/html")
                .doesNotContain("x-xss-protection");
    }

    private String raw(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            var out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                FormPosts.to(url(path), body)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
