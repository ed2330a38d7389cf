package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.VehicleSeen;
import org.tipline.testsupport.Browsers;

/**
 * Every coordinator form (those of a tip, the form for calls and the queue's bulk form), fed hostile and broken input from a signed-in session with a valid CSRF token: never a 5xx,
 * and markup never comes back unescaped. Tips whose every answer is a payload are shown escaped on the tip page.
 */
class StaffFormsFuzzTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    static final String SCRIPT = "<script>alert(1)</script>";
    static final List<String> FORMS = List.of(
            "notes",
            "labels",
            "status",
            "assignee",
            "referrals",
            "messages",
            "case",
            "duplicate",
            "packet",
            "/calls",
            "/queue/bulk");
    static final List<String> NAMES = List.of(
            "note",
            "labels",
            "version",
            "status",
            "reason",
            "assignee",
            "destinationId",
            "channel",
            "referenceNumber",
            "contactPerson",
            "contactedAt",
            "message",
            "other",
            "of",
            "fields",
            "details",
            "onlineDetails",
            "nibrs",
            "action",
            "from",
            "to",
            "tier",
            "placeType",
            "page",
            "url",
            "fields[99999]",
            "location",
            "happeningNow",
            "indicators",
            "persons[0].role",
            "persons[5].ageRange",
            "persons[0]",
            "vehicleDetails[1].plate",
            "callbackWanted",
            "callback",
            "step",
            "submission",
            "a.b.c",
            "tip",
            "setStatus",
            "label",
            "assignTo",
            "");

    private static ConfigurableApplicationContext app;
    private static HttpClient http;
    private static String base;
    private static String cookie;
    private static String csrf;
    private static UUID tipId;
    private static String overseer;
    private static String overseerCsrf;
    private static UUID colleague;
    static final List<String> OVERSIGHT_POSTS = List.of(
            "/retention/holds",
            "/retention/purge",
            "/admin/staff",
            "/admin/staff/{id}/enabled",
            "/admin/staff/{id}/roles",
            "/admin/staff/{id}/second-factor",
            "/admin/staff/{id}/reset",
            "/keys/grant",
            "/account/password",
            "/account/passkeys/{id}/delete");
    static final List<String> JSON_POSTS =
            List.of("/account/passkeys/options", "/account/passkeys", "/sign-in/passkey/options", "/sign-in/passkey");

    @BeforeContainer
    static void start() throws Exception {
        String[] arguments = SETUP.properties().entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        String[] withPort = Arrays.copyOf(arguments, arguments.length + 1);
        withPort[arguments.length] = "--server.port=0";
        app = new SpringApplicationBuilder(TriageApplication.class).run(withPort);
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        SETUP.provisionOnce();
        tipId = SETUP.fileTip(
                TipAnswers.builder().location("fuzz street").details("fuzz").build());
        try (WebClient browser = Browsers.withoutJavaScript()) {
            HtmlPage landing = SETUP.staff("COORDINATOR").signIn(browser, base);
            csrf = landing.getElementsByName("_csrf").get(0).getAttribute("content");
            cookie = browser.getCookieManager().getCookie("JSESSIONID").getValue();
        }
        colleague = SETUP.staff("COORDINATOR").id();
        try (WebClient browser = Browsers.withoutJavaScript()) {
            HtmlPage landing = SETUP.staff("SUPERVISOR", "ADMIN", "COORDINATOR").signIn(browser, base);
            overseerCsrf = landing.getElementsByName("_csrf").get(0).getAttribute("content");
            overseer = browser.getCookieManager().getCookie("JSESSIONID").getValue();
        }
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterContainer
    static void stop() {
        app.close();
    }

    @Property(tries = 300)
    void anyStaffFormPostIsAnsweredWithoutA5xx(
            @ForAll("forms") String form, @ForAll("parameters") List<Map.Entry<String, String>> parameters)
            throws Exception {
        String body = "_csrf=" + encode(csrf) + "&" + encoded(parameters);
        var response = post(form.startsWith("/") ? form : "/tips/" + tipId + "/" + form, cookie, body);

        assertThat(response.statusCode())
                .as(form + " " + (body.length() > 400 ? body.substring(0, 400) : body))
                .isLessThan(500)
                .as("still signed in and past CSRF")
                .isNotEqualTo(403);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        assertThat(response.body()).doesNotContain(SCRIPT);
    }

    @Property(tries = 100)
    void anyQueueFilterOrLinkIsAnsweredWithoutA5xx(@ForAll("parameters") List<Map.Entry<String, String>> parameters)
            throws Exception {
        String query = encoded(parameters);
        for (String page : List.of("/queue?", "/tips/" + tipId + "/link?", "/tips/" + tipId + "/packet?")) {
            var response = get(page + query, cookie);
            assertThat(response.statusCode()).as(page + query).isLessThan(500);
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("/login");
            assertThat(response.body()).doesNotContain(SCRIPT);
        }
    }

    @Property(tries = 40)
    void aTipWhoseEveryAnswerIsAPayloadIsShownEscaped(@ForAll("payloads") String payload) throws Exception {
        var person = new PersonSeen(
                "possible-victim", "12-17", payload, payload, payload, payload, payload, payload, payload);
        var vehicle = new VehicleSeen(payload, payload, payload, payload, payload, payload);
        UUID id = SETUP.fileTip(TipAnswers.builder()
                .location(payload)
                .businessName(payload)
                .zip(payload)
                .seenWhen(payload)
                .people(payload)
                .vehicles(payload)
                .details(payload)
                .onlineDetails(payload)
                .howKnown(payload)
                .persons(List.of(person))
                .vehicleDetails(List.of(vehicle))
                .city(payload)
                .build());
        var page = get("/tips/" + id, cookie);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(payload);
    }

    @Property(tries = 200)
    void anySupervisorOrAdministratorFormIsAnsweredWithoutA5xx(
            @ForAll("oversightPosts") String path, @ForAll("parameters") List<Map.Entry<String, String>> parameters)
            throws Exception {
        String body = "_csrf=" + encode(overseerCsrf) + "&" + encoded(parameters);
        var response = post(path.replace("{id}", colleague.toString()), overseer, body);
        assertThat(response.statusCode()).as(path + " " + body).isLessThan(500).isNotEqualTo(403);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        assertThat(response.body()).doesNotContain(SCRIPT);

        String query = encoded(parameters);
        for (String page : List.of("/audit?", "/audit/export?", "/retention?", "/admin/staff?", "/keys?")) {
            var read = get(page + query, overseer);
            assertThat(read.statusCode()).as(page + query).isLessThan(500);
            assertThat(read.body()).doesNotContain(SCRIPT);
        }
    }

    @Property(tries = 120)
    void anyJsonSentToThePasskeyEndpointsIsAnsweredWithoutA5xx(
            @ForAll("jsonPosts") String path, @ForAll("jsonBodies") String body) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Cookie", "JSESSIONID=" + overseer)
                        .header("X-CSRF-TOKEN", overseerCsrf)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + body).isLessThan(500);
    }

    @Provide
    Arbitrary<String> oversightPosts() {
        return Arbitraries.of(OVERSIGHT_POSTS);
    }

    @Provide
    Arbitrary<String> jsonPosts() {
        return Arbitraries.of(JSON_POSTS);
    }

    @Provide
    Arbitrary<String> jsonBodies() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.of(
                        "{}",
                        "[]",
                        "null",
                        "{\"publicKey\":{\"credential\":{\"id\":\"x\",\"rawId\":\"!!\",\"type\":\"public-key\"}}}",
                        "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}",
                        "{\"label\":\"" + SCRIPT + "\"}",
                        "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                        "{\"x\":\"" + "y".repeat(200_000) + "\"}"));
    }

    @Provide
    Arbitrary<String> forms() {
        return Arbitraries.of(FORMS);
    }

    @Provide
    Arbitrary<String> payloads() {
        Arbitrary<String> markup = Arbitraries.of(
                SCRIPT,
                "\"><img src=x onerror=alert(1)>",
                "'><svg onload=alert(1)>",
                "</textarea><b>x</b>",
                "javascript:alert(1)&x=\"y\"");
        return Combinators.combine(markup, Arbitraries.strings().alpha().ofMaxLength(8))
                .as((m, salt) -> m + salt);
    }

    @Provide
    Arbitrary<List<Map.Entry<String, String>>> parameters() {
        Arbitrary<String> names =
                Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(120),
                Arbitraries.of(
                        SCRIPT,
                        "CLOSED",
                        "REFERRED",
                        "NEW",
                        "DUPLICATE",
                        "EMAIL",
                        "WEB_FORM",
                        "PHONE",
                        "pdf",
                        "json",
                        "email",
                        "PLACE",
                        "64A",
                        "13A",
                        "-1",
                        "2147483648",
                        "2026-02-30",
                        "2026-01-15T25:61",
                        "norwalk-police-tips",
                        "ct-dcf-careline",
                        tipId.toString(),
                        tipId + ":0",
                        tipId + ":99999999999",
                        "status",
                        "label",
                        "assign",
                        "me",
                        UUID.randomUUID().toString(),
                        "https://x.example/" + "a".repeat(3000),
                        "🚐",
                        "مرحبا",
                        "true",
                        "phone",
                        "add-person",
                        "add-vehicle",
                        "possible-victim",
                        "12-17",
                        "+1 (860) 555-0100",
                        Receipt.newSubmissionToken()),
                Arbitraries.strings()
                        .withChars('x', '<', '&')
                        .ofMinLength(5_000)
                        .ofMaxLength(60_000));
        return Combinators.combine(names, values).as(Map::entry).list().ofMaxSize(12);
    }

    private static HttpResponse<String> get(String pathAndQuery, String session) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                        .header("Cookie", "JSESSIONID=" + session)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String session, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Cookie", "JSESSIONID=" + session)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Name-value pairs as a form body or query string. */
    private static String encoded(List<Map.Entry<String, String>> parameters) {
        return parameters.stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
