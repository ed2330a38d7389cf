package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;

/**
 * Every answer of the console, including Tomcat's own refusals and Spring's error dispatch, is a page of ours with the
 * strict headers; malformed form parameters are a 400, never a 500; and a parameter name carrying a line break never
 * reaches the log as a line of its own.
 */
@TriageIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ConsoleResponsesIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    static final String FORGED = "FORGED-LOG-LINE sign-in succeeded for admin";

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private WebClient browser;
    private String cookie;
    private String csrf;
    private UUID tipId;

    @BeforeEach
    void signIn() throws Exception {
        tipId = SETUP.fileTip(TipAnswers.builder().location("response street").build());
        browser = Browsers.withoutJavaScript();
        HtmlPage landing = SETUP.staff("COORDINATOR").signIn(browser, url(""));
        csrf = landing.getElementsByName("_csrf").get(0).getAttribute("content");
        cookie = browser.getCookieManager().getCookie("JSESSIONID").getValue();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void tomcatsOwnRefusalsAreOurPageWithStrictHeaders() throws Exception {
        List<Map.Entry<Integer, String>> requests = List.of(
                Map.entry(400, "GET /queue?a{b}=<script> HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                Map.entry(400, "GET /queue HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n"),
                Map.entry(505, "GET /queue HTTP/2.7\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        for (var request : requests) {
            Raw response = raw(request.getValue());
            assertThat(response.status()).as(request.getValue()).isEqualTo(request.getKey());
            assertStrict(response.headers(), response.body(), request.getValue());
            assertThat(response.body())
                    .contains("Tipline staff")
                    .doesNotContain("Apache Tomcat")
                    .doesNotContain("<script>");
        }
    }

    @Test
    void springsErrorAnswersAreOurPageWhateverTheClientAccepts() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String accept : List.of("application/json", "text/html", "*/*")) {
            check(problems, send("GET", "/error", accept, null, false), 404, "GET /error " + accept);
            check(problems, send("GET", "/css/no-such-file.css", accept, null, false), 404, "missing file " + accept);
            check(problems, send("TRACE", "/login", accept, null, false), 405, "TRACE " + accept);
            check(problems, send("GET", "/queue/take-next", accept, null, true), 405, "GET on a POST " + accept);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void impossibleFormParametersAreA400PageNotA500() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String name :
                List.of("fields['1']", "fields[1 ]", "fields[0x1]", "fields[a]", "nibrs['x'].y", "fields]")) {
            check(problems, postPacket(name + "=NARRATIVE"), 400, name);
        }
        for (String form :
                List.of("notes", "messages", "status", "assignee", "labels", "case", "duplicate", "referrals")) {
            check(problems, post("/tips/not-a-tip/" + form, "note=x"), 400, "a tip id that is no id, on " + form);
        }
        assertThat(problems).isEmpty();
        var genuine = postPacket("destinationId=&fields=NARRATIVE&action=pdf");
        assertThat(genuine.statusCode())
                .as("a genuine, incomplete form is answered with its errors")
                .isEqualTo(422);
        assertThat(genuine.body()).contains("Choose who the packet is for.");
    }

    @Test
    void aParameterNameWithALineBreakNeverReachesTheLogRaw(CapturedOutput output) throws Exception {
        String name = "fields['1\n" + FORGED + "']";
        var posted = postPacket(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=x&"
                + URLEncoder.encode("a\r\n" + FORGED, StandardCharsets.UTF_8) + "=y");
        Raw queried = raw("GET /queue?" + URLEncoder.encode("status\n" + FORGED, StandardCharsets.UTF_8)
                + "=%zz HTTP/1.1\r\nHost: localhost\r\nCookie: JSESSIONID=" + cookie
                + "\r\nConnection: close\r\n\r\n");
        Raw target = raw("GET /queue?" + FORGED.replace(' ', '{') + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        var signIn = http.send(
                HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username="
                                + URLEncoder.encode("x\n" + FORGED, StandardCharsets.UTF_8) + "&password=y"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(queried.status()).isEqualTo(400);
        assertThat(target.status()).isEqualTo(400);
        assertThat(signIn.statusCode()).isLessThan(500);
        // And whatever still reaches a logger (a message argument, an exception's message) stays on its own line.
        org.slf4j.LoggerFactory.getLogger(ConsoleResponsesIntegrationTest.class)
                .warn("a value from outside: {}", "x\r\n" + FORGED, new IllegalArgumentException("bad\n" + FORGED));
        assertThat(output.getAll()).contains("a value from outside: x\\r\\n" + FORGED);
        assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith(FORGED));
        assertThat(output.getAll()).doesNotContain(FORGED.replace(' ', '{'));
    }

    @Test
    void noResponseCarriesTheRetiredXssAuditorHeader() throws Exception {
        var login = send("GET", "/login", "text/html", null, false);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("X-XSS-Protection")).isEmpty();
        assertStrict(login.headers().map(), login.body(), "GET /login");
    }

    private HttpResponse<String> postPacket(String form) throws Exception {
        return post("/tips/" + tipId + "/packet", form);
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Cookie", "JSESSIONID=" + cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&" + form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String accept, String body, boolean signedIn)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", accept)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (signedIn) {
            request.header("Cookie", "JSESSIONID=" + cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void check(List<String> problems, HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            problems.add(what + ": status " + response.statusCode());
            return;
        }
        try {
            assertStrict(response.headers().map(), response.body(), what);
        } catch (AssertionError e) {
            problems.add(what + ": " + e.getMessage());
        }
    }

    private static void assertStrict(Map<String, List<String>> headers, String body, String what) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
        assertThat(lower.get("content-security-policy"))
                .as(what)
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(lower.get("cache-control")).as(what).contains("no-store");
        assertThat(lower.get("referrer-policy")).as(what).isEqualTo("no-referrer");
        assertThat(lower.get("x-content-type-options")).as(what).isEqualTo("nosniff");
        assertThat(lower.get("x-frame-options")).as(what).isEqualTo("DENY");
        assertThat(lower).as(what).doesNotContainKey("x-xss-protection");
        assertThat(lower.get("content-type")).as(what).startsWith("text/html");
        assertThat(body)
                .as(what)
                .contains("<!DOCTYPE html>")
                // Spring's JSON error body; a page's role="status" region is not one.
                .doesNotContainPattern("\"status\"\\s*:")
                .doesNotContain("Whitelabel");
    }

    private record Raw(int status, Map<String, List<String>> headers, String body) {}

    private Raw raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.computeIfAbsent(head[i].substring(0, colon).strip(), k -> new ArrayList<>())
                        .add(head[i].substring(colon + 1).strip());
            }
            return new Raw(Integer.parseInt(head[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
