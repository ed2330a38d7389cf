package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every public form and endpoint, fed what attackers and broken clients send: any Unicode, invalid UTF-8, huge
 * fields, repeated, unknown and absurdly indexed parameters, wrong types, impossible dates, markup and script. The
 * answer is never a 5xx, and markup sent in is never sent back unescaped.
 */
class PublicFormsFuzzTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final List<String> NAMES = List.of(
            "submission",
            "step",
            "location",
            "city",
            "businessName",
            "placeType",
            "zip",
            "seenWhen",
            "happeningNow",
            "people",
            "youngestAge",
            "vehicles",
            "indicators",
            "details",
            "onlineDetails",
            "howKnown",
            "persons[0].role",
            "persons[0].ageRange",
            "persons[1].marks",
            "vehicleDetails[0].plate",
            "vehicleDetails[0].plateState",
            "powChallenge",
            "powNonce",
            "receipt",
            "message",
            "lang",
            "persons[99999999].role",
            "persons[-1].role",
            "vehicleDetails[2147483648].plate",
            "a[b][c]",
            "class.module.classLoader.URLs[0]",
            "persons[0].role.length",
            "indicators[]",
            "");
    static final List<String> PATHS = List.of("/tips", "/status", "/status/messages", "/?lang=es", "/tips?step=review");

    private static ConfigurableApplicationContext app;
    private static HttpClient http;
    private static String base;

    @BeforeContainer
    static void start() {
        String[] arguments = IntakeTestDatabase.properties().entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        String[] withPort = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        withPort[arguments.length] = "--server.port=0";
        app = new SpringApplicationBuilder(IntakeApplication.class).run(withPort);
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterContainer
    static void stop() {
        app.close();
    }

    @Property(tries = 300)
    void anyFormPostIsAnsweredWithoutA5xxAndWithoutEchoingMarkup(
            @ForAll("paths") String path, @ForAll("parameters") List<Map.Entry<String, String>> parameters)
            throws Exception {
        String body = parameters.stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = post(path, body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode())
                .as(body.length() > 500 ? body.substring(0, 500) : body)
                .isLessThan(500);
        assertThat(response.body()).doesNotContain(SCRIPT).doesNotContain("<img src=x onerror");
    }

    @Property(tries = 100)
    void rawBytesAndBrokenEncodingsAreRefusedCleanly(@ForAll("paths") String path, @ForAll("rawBodies") byte[] body)
            throws Exception {
        assertThat(post(path, body).statusCode()).isLessThan(500);
    }

    @Property(tries = 60)
    void queryStringsOnThePublicPagesNeverBreakThem(@ForAll("parameters") List<Map.Entry<String, String>> parameters)
            throws Exception {
        String query = parameters.stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&"));
        for (String page : List.of("/", "/status")) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(base + page + "?" + query))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isLessThan(500);
            assertThat(response.body()).doesNotContain(SCRIPT);
        }
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(PATHS);
    }

    @Provide
    Arbitrary<List<Map.Entry<String, String>>> parameters() {
        Arbitrary<String> names =
                Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.strings().ofMaxLength(20));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of(
                        SCRIPT,
                        "\"><img src=x onerror=alert(1)>",
                        "' OR 1=1--",
                        "مرحبا بالعالم",
                        "\u202Eevil\u202C",
                        "🚐🚨👧🏽",
                        "2026-13-45",
                        "-1",
                        "99999999999999999999",
                        "true",
                        "review",
                        "send",
                        "add-person",
                        "edit",
                        "12-17",
                        "massage-parlor"),
                Arbitraries.strings()
                        .withChars('x', '<', '>', '&', '"')
                        .ofMinLength(10_000)
                        .ofMaxLength(300_000));
        return Combinators.combine(names, values).as(Map::entry).list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<byte[]> rawBodies() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2000),
                Arbitraries.of(
                                "details=%C3%28&location=%FF%FE",
                                "details=%",
                                "details=%%%&&&===",
                                "location=a&location=b&location=c",
                                "persons%5B0%5D.role=%00")
                        .map(s -> s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static HttpResponse<String> post(String path, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
