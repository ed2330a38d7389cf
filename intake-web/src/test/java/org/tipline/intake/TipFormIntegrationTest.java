package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.crypto.SealedField;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.TipAnswersCodec;
import org.tipline.testsupport.Browsers;
import org.tipline.testsupport.FormPosts;
import org.tipline.testsupport.TestDatabase;

/** The public form over real HTTP, in a browser with JavaScript off, against real PostgreSQL. */
@IntakeIntegrationTest
class TipFormIntegrationTest {

    @LocalServerPort
    int port;

    private WebClient browser;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.withoutJavaScript();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aTipIsSealedStoredInOneGoAndAnsweredWithAReceipt() throws Exception {
        long before = count("tip");
        HtmlPage form = browser.getPage(url("/"));
        form.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("location").type("Sunrise Spa, 12 Wall St");
        form.<org.htmlunit.html.HtmlCheckBoxInput>getHtmlElementById("happeningNow")
                .setChecked(true);
        form = Browsers.stepTo(form, "indicator-lives-at-workplace");
        form.<org.htmlunit.html.HtmlCheckBoxInput>getHtmlElementById("indicator-lives-at-workplace")
                .setChecked(true);

        HtmlPage receipt = Browsers.sendTip(form);

        assertThat(receipt.getWebResponse().getStatusCode()).isEqualTo(200);
        String code = receipt.getHtmlElementById("receipt-code").getTextContent();
        assertThat(code).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
        assertThat(receipt.asNormalizedText()).contains("call 911 now");
        assertThat(count("tip")).isEqualTo(before + 1);

        StoredTip tip = newestTip();
        assertThat(tip.tier()).isEqualTo("IMMEDIATE");
        assertThat(tip.rank()).isZero();
        assertThat(new String(tip.sealed(), StandardCharsets.ISO_8859_1)).doesNotContain("Wall St");
        assertThat(tip.answers().location()).isEqualTo("Sunrise Spa, 12 Wall St");
        assertThat(tip.answers().language()).as("sealed with the answers").isEqualTo("en");
        assertThat(tip.answers().indicators()).containsExactly("lives-at-workplace");
        assertThat(tip.answers().happeningNow()).isTrue();
        assertThat(tip.tipsterPublicKey()).isEqualTo(Receipt.tipsterKeys(code).publicKey());
    }

    @Test
    void eachPersonAndVehicleIsDescribedInItsOwnBlockAddedWithoutJavaScript() throws Exception {
        HtmlPage form = browser.getPage(url("/"));
        assertThat(form.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("city")
                        .getValue())
                .isEqualTo("Norwalk");
        form.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("location").type("Route 7 motel");
        form = Browsers.fillIn(form, "person-0-marks", "snake tattoo, left hand");
        form.<org.htmlunit.html.HtmlRadioButtonInput>getHtmlElementById("person-0-role-possible-controller")
                .setChecked(true);
        form.<org.htmlunit.html.HtmlSelect>getHtmlElementById("person-0-age").setSelectedAttribute("over-25", true);

        HtmlPage twoPeople = form.getHtmlElementById("tip-form")
                .getOneHtmlElementByAttribute("button", "value", "add-person")
                .click();

        assertThat(twoPeople.getElementById("person-1")).isNotNull();
        assertThat(twoPeople.getUrl().getRef())
                .as("the page comes back at the new person")
                .isEqualTo("person-1");
        assertThat(twoPeople
                        .<org.htmlunit.html.HtmlTextInput>getHtmlElementById("person-0-marks")
                        .getValue())
                .isEqualTo("snake tattoo, left hand");
        twoPeople
                .<org.htmlunit.html.HtmlRadioButtonInput>getHtmlElementById("person-1-role-possible-victim")
                .setChecked(true);
        twoPeople
                .<org.htmlunit.html.HtmlSelect>getHtmlElementById("person-1-age")
                .setSelectedAttribute("12-17", true);
        twoPeople
                .<org.htmlunit.html.HtmlTextInput>getHtmlElementById("person-1-language")
                .type("Spanish only");
        HtmlPage vehicles = Browsers.fillIn(twoPeople, "vehicle-0-plate", "AB 1234");
        vehicles.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("vehicle-0-plateState")
                .type("CT");

        // Back a page and forward again: both pages show what was typed on them, without JavaScript.
        HtmlPage back = vehicles.getHtmlElementById("back").click();
        assertThat(back.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("person-1-language")
                        .getValue())
                .isEqualTo("Spanish only");
        HtmlPage forward = back.getHtmlElementById("next").click();
        assertThat(forward.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("vehicle-0-plate")
                        .getValue())
                .isEqualTo("AB 1234");

        HtmlPage review = Browsers.review(forward);
        assertThat(review.getHtmlElementById("review-person-1").asNormalizedText())
                .contains("Possibly being exploited")
                .contains("Spanish only");
        assertThat(review.getHtmlElementById("review-vehicle-0").asNormalizedText())
                .contains("AB 1234");
        // Back from the review is the vehicles page, as it was left.
        HtmlPage lastPage = review.getHtmlElementById("back").click();
        assertThat(lastPage.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("vehicle-0-plateState")
                        .getValue())
                .isEqualTo("CT");
        HtmlPage receipt = Browsers.sendTip(lastPage);

        assertThat(receipt.asNormalizedText()).contains("a minor may be involved");
        StoredTip tip = newestTip();
        assertThat(tip.tier()).isEqualTo("MINOR");
        assertThat(tip.answers().persons())
                .extracting(org.tipline.model.tip.PersonSeen::role, org.tipline.model.tip.PersonSeen::ageRange)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("possible-controller", "over-25"),
                        org.assertj.core.groups.Tuple.tuple("possible-victim", "12-17"));
        assertThat(tip.answers().persons().get(0).marks()).isEqualTo("snake tattoo, left hand");
        assertThat(tip.answers().city()).isEqualTo("Norwalk");
        assertThat(tip.answers().vehicleDetails()).singleElement().satisfies(vehicle -> {
            assertThat(vehicle.plate()).isEqualTo("AB 1234");
            assertThat(vehicle.plateState()).isEqualTo("CT");
        });
    }

    @Test
    void aPersonWithAnInventedRoleOrAnOverlongFieldIsRefusedWithEverythingKept() throws Exception {
        var refused = post("location=Elm+St&persons%5B0%5D.role=boss&persons%5B0%5D.hair=dark"
                + "&vehicleDetails%5B0%5D.features=" + "x".repeat(301));
        // The first page with a refused answer is shown, with its message; the rest is carried on it.
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"person-0\"")
                .contains("Please choose one of the options shown.")
                .contains("value=\"dark\"")
                .contains("value=\"" + "x".repeat(301) + "\"");
    }

    @Test
    void theYoungestApparentAgeAndTheOtherNewAnswersAreSealedAndSetTheTier() throws Exception {
        HtmlPage form = browser.getPage(url("/"));
        form.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("businessName").type("Lotus Blossom Spa LLC");
        form.<org.htmlunit.html.HtmlRadioButtonInput>getHtmlElementById("placeType-massage-parlor")
                .setChecked(true);
        form.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("zip").type("06851");
        form.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("seenWhen").type("Friday around 11 pm");
        form.<org.htmlunit.html.HtmlRadioButtonInput>getHtmlElementById("youngestAge-12-17")
                .setChecked(true);
        form = Browsers.fillIn(form, "onlineDetails", "ad on a classifieds site");
        form.<org.htmlunit.html.HtmlRadioButtonInput>getHtmlElementById("howKnown-saw-it")
                .setChecked(true);

        HtmlPage receipt = Browsers.sendTip(form);

        assertThat(receipt.asNormalizedText()).contains("a minor may be involved");
        StoredTip tip = newestTip();
        assertThat(tip.tier()).isEqualTo("MINOR");
        assertThat(tip.schemaVersion()).isEqualTo(TipAnswers.SCHEMA_VERSION);
        TipAnswers answers = tip.answers();
        assertThat(answers.businessName()).isEqualTo("Lotus Blossom Spa LLC");
        assertThat(answers.placeType()).isEqualTo("massage-parlor");
        assertThat(answers.zip()).isEqualTo("06851");
        assertThat(answers.seenWhen()).isEqualTo("Friday around 11 pm");
        assertThat(answers.youngestAge()).isEqualTo("12-17");
        assertThat(answers.onlineDetails()).isEqualTo("ad on a classifieds site");
        assertThat(answers.howKnown()).isEqualTo("saw-it");
    }

    @Test
    void anOptionThatIsNotOfferedIsRefusedWithTheRestKept() throws Exception {
        long before = count("tip");
        var response = post("location=Elm+St&youngestAge=toddler&details=keep+me");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("Please choose one of the options shown.")
                .contains("name=\"details\" value=\"keep me\"");
        assertThat(count("tip")).isEqualTo(before);
    }

    @Test
    void theReviewStepShowsTheAnswersAndTheEmergencyNumberAndStoresNothingUntilSent() throws Exception {
        long before = count("tip");
        HtmlPage form = browser.getPage(url("/"));
        form.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("location").type("Pier 7 <i>warehouse</i>");
        form.<org.htmlunit.html.HtmlCheckBoxInput>getHtmlElementById("happeningNow")
                .setChecked(true);
        form = Browsers.stepTo(form, "indicator-debt-or-threats");
        form.<org.htmlunit.html.HtmlCheckBoxInput>getHtmlElementById("indicator-debt-or-threats")
                .setChecked(true);

        HtmlPage review = Browsers.review(form);

        assertThat(review.getHtmlElementById("call-911-first").asNormalizedText())
                .contains("call 911 first");
        assertThat(review.getHtmlElementById("review-location").getTextContent())
                .isEqualTo("Pier 7 <i>warehouse</i>");
        assertThat(review.getHtmlElementById("review-location").getElementsByTagName("i"))
                .isEmpty();
        assertThat(review.getHtmlElementById("review-indicators").asNormalizedText())
                .contains("debt to work off");
        assertThat(count("tip")).isEqualTo(before);

        HtmlPage backToForm = review.<HtmlForm>getHtmlElementById("review-form")
                .getOneHtmlElementByAttribute("button", "value", "edit")
                .click();
        assertThat(backToForm
                        .<org.htmlunit.html.HtmlTextInput>getHtmlElementById("location")
                        .getValue())
                .isEqualTo("Pier 7 <i>warehouse</i>");
        assertThat(backToForm
                        .<org.htmlunit.html.HtmlCheckBoxInput>getHtmlElementById("happeningNow")
                        .isChecked())
                .isTrue();
        assertThat(count("tip")).isEqualTo(before);

        HtmlPage receipt = Browsers.sendTip(backToForm);
        assertThat(receipt.getHtmlElementById("receipt-code").getTextContent()).isNotBlank();
        assertThat(count("tip")).isEqualTo(before + 1);
    }

    @Test
    void tooLongAnswersAreShownAgainWithAClearMessageAndNothingIsStored() throws Exception {
        long before = count("tip");
        String longLocation = "Route 1 near exit 16 ".repeat(30);
        HtmlPage form = browser.getPage(url("/"));
        form.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("location").type(longLocation);

        HtmlPage again = form.getHtmlElementById("next").click();

        assertThat(again.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(again.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("location")
                        .getValue())
                .isEqualTo(longLocation);
        assertThat(again.getHtmlElementById("location-error").getTextContent())
                .contains("too long")
                .contains("500");
        assertThat(again.getElementById("error-summary-title")).isNotNull();

        // Shortened, the next page comes; what is typed there is kept going back and forth.
        again.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("location").setValue("Route 1 near exit 16");
        HtmlPage what = again.getHtmlElementById("next").click();
        what.<org.htmlunit.html.HtmlTextArea>getHtmlElementById("details").type("a <b>bold</b> claim & more");
        HtmlPage where = what.getHtmlElementById("back").click();
        assertThat(where.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("location")
                        .getValue())
                .isEqualTo("Route 1 near exit 16");
        HtmlPage whatAgain = where.getHtmlElementById("next").click();
        assertThat(whatAgain
                        .<org.htmlunit.html.HtmlTextArea>getHtmlElementById("details")
                        .getText())
                .isEqualTo("a <b>bold</b> claim & more");
        assertThat(whatAgain.getElementsByTagName("b")).isEmpty();
        assertThat(count("tip")).isEqualTo(before);
    }

    @Test
    void anEmptyTipIsRefusedWithAMessage() throws Exception {
        long before = count("tip");
        HtmlPage form = browser.getPage(url("/"));

        HtmlPage emptyPageIsFine = form.getHtmlElementById("next").click();
        assertThat(emptyPageIsFine.getWebResponse().getStatusCode()).isEqualTo(200);
        HtmlPage again = emptyPageIsFine.getHtmlElementById("review-now").click();

        assertThat(again.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(again.getElementById("location")).isNotNull();
        assertThat(again.asNormalizedText()).contains("Please tell us at least one thing");
        assertThat(count("tip")).isEqualTo(before);
    }

    @Test
    void sendingTheSameFormTwiceFilesOneTipAndShowsTheSameReceipt() throws Exception {
        long before = count("tip");
        HtmlPage form = browser.getPage(url("/"));
        form.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("location").type("Double Click Diner");
        String token = form.<org.htmlunit.html.HtmlHiddenInput>getElementByName("submission")
                .getValue();
        String body = "location=Double+Click+Diner&submission=" + token;

        var first = post(body);
        var second = post(body);

        assertThat(count("tip")).isEqualTo(before + 1);
        assertThat(receiptIn(first.body())).isEqualTo(receiptIn(second.body())).isNotEmpty();
        assertThat(first.body()).doesNotContain("already-received");
        assertThat(second.body()).contains("id=\"already-received\"");
    }

    @Test
    void concurrentRetriesOfOneSubmissionStillFileOneTip() throws Exception {
        long before = count("tip");
        String token = browser.<HtmlPage>getPage(url("/"))
                .<org.htmlunit.html.HtmlHiddenInput>getElementByName("submission")
                .getValue();
        String body = "location=Race+Street&submission=" + token;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var responses = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < 6; i++) {
                responses.add(pool.submit(() -> post(body)));
            }
            var receipts = new java.util.HashSet<String>();
            for (var response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(200);
                receipts.add(receiptIn(response.get().body()));
            }
            assertThat(receipts).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(count("tip")).isEqualTo(before + 1);
    }

    @Test
    void aFilledHoneypotFilesNothing() throws Exception {
        long before = count("tip");
        var response = post("location=Main+St&website=http%3A%2F%2Fspam.example");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("Please leave the last field empty.")
                .contains("value=\"Main St\"");
        assertThat(count("tip")).isEqualTo(before);
    }

    @Test
    void anOversizedBodyGetsAClearPageNotAServerErrorAndFilesNothing() throws Exception {
        long before = count("tip");
        var response = post("location=" + "x".repeat(2 * 1024 * 1024));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .contains("Nothing was sent")
                .contains("1024 KB")
                .contains("lang=\"en\"");
        assertThat(count("tip")).isEqualTo(before);
    }

    @Test
    void theFormIsAvailableInSpanishWithTheRightLanguageAttribute() throws Exception {
        HtmlPage page = browser.getPage(url("/?lang=es"));

        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("es");
        assertThat(page.asNormalizedText()).contains("Si alguien está en peligro en este momento, llame al 911.");
        assertThat(page.<HtmlForm>getHtmlElementById("tip-form").getActionAttribute())
                .isEqualTo("/tips?lang=es");
    }

    @Test
    void publicPagesSetProtectiveHeadersAndNoCookie() throws Exception {
        var http = HttpClient.newHttpClient();
        List<HttpRequest> requests = List.of(
                HttpRequest.newBuilder(URI.create(url("/"))).build(),
                FormPosts.to(url("/tips"), "location=Main+St").build());
        for (HttpRequest request : requests) {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var headers = response.headers();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'")
                            .contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline"));
            assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(headers.firstValue("Permissions-Policy"))
                    .hasValueSatisfying(p -> assertThat(p)
                            .contains("geolocation=()")
                            .contains("camera=()")
                            .contains("microphone=()"));
            assertThat(headers.firstValue("Cache-Control")).contains("no-store");
            // Current guidance: leave old browsers' XSS auditor off rather than on.
            assertThat(headers.firstValue("X-XSS-Protection")).isEmpty();
            assertThat(headers.firstValue("Set-Cookie")).isEmpty();
            assertThat(headers.firstValue("Server")).isEmpty();
            assertThat(response.body()).doesNotContain("http://").doesNotContainPattern("src=\"https?://");
        }
    }

    /** The blank form is rendered once per language; each copy served must still carry a token of its own. */
    @Test
    void everyFormPageServedAtOnceCarriesItsOwnTokenThatFilesATip() throws Exception {
        var http = HttpClient.newHttpClient();
        var token = java.util.regex.Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");
        for (String lang : List.of("en", "es")) {
            var pages = java.util.stream.IntStream.range(0, 100)
                    .mapToObj(i -> http.sendAsync(
                            HttpRequest.newBuilder(URI.create(url("/?lang=" + lang)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            java.util.Set<String> tokens = new java.util.HashSet<>();
            String firstWithoutToken = null;
            for (var pending : pages) {
                var page = pending.get();
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Type")).contains("text/html;charset=UTF-8");
                assertThat(page.headers().firstValue("Content-Language")).contains(lang);
                var found = token.matcher(page.body());
                assertThat(found.find()).isTrue();
                String itsToken = found.group(1);
                tokens.add(itsToken);
                assertThat(found.find()).as("one token per page").isFalse();
                String withoutToken = page.body().replace(itsToken, "");
                firstWithoutToken = firstWithoutToken == null ? withoutToken : firstWithoutToken;
                assertThat(withoutToken).isEqualTo(firstWithoutToken);
            }
            assertThat(tokens).hasSize(100);
            assertThat(firstWithoutToken)
                    .contains("<html lang=\"" + lang + "\"")
                    .contains("/tips?lang=" + lang);

            long before = count("tip");
            String receipt = receiptIn(post("location=Cached+Form+" + lang + "&step=send&submission="
                            + java.net.URLEncoder.encode(tokens.iterator().next(), StandardCharsets.UTF_8))
                    .body());
            assertThat(receipt).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
            assertThat(count("tip")).isEqualTo(before + 1);
        }
    }

    @Test
    void onlyHealthIsExposedAmongActuatorEndpoints() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(statusOf(path)).as(path).isEqualTo(200);
        }
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump")) {
            assertThat(statusOf(path)).as(path).isEqualTo(404);
        }
    }

    private int statusOf(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void theIntakeRoleCannotReadAnyTipBack() throws Exception {
        try (var intake = IntakeTestDatabase.DATABASE.connectAs(TestDatabase.INTAKE_ROLE)) {
            for (String table : List.of("tip_content", "tip_data_key", "tip", "tip_line_key", "staff", "key_grant")) {
                assertThatThrownBy(() -> intake.createStatement().executeQuery("SELECT * FROM " + table))
                        .as(table)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
            assertThatThrownBy(() -> intake.createStatement().executeUpdate("UPDATE tip SET status = 'CLOSED'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> intake.createStatement().executeUpdate("DELETE FROM tip_content"))
                    .hasMessageContaining("permission denied");
        }
    }

    private static String receiptIn(String page) {
        var matcher =
                java.util.regex.Pattern.compile("id=\"receipt-code\">(.+?)</p>").matcher(page);
        return matcher.find() ? matcher.group(1).replaceAll("<[^>]+>", "") : "";
    }

    /** The newest stored tip, as a thief with the database sees it and as the tip line's key opens it. */
    private record StoredTip(
            String tier, int rank, int schemaVersion, byte[] sealed, byte[] tipsterPublicKey, TipAnswers answers) {}

    private static StoredTip newestTip() throws SQLException {
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var rs = owner.createStatement()
                        .executeQuery("SELECT t.id, t.urgency_tier, t.urgency_rank, t.schema_version, k.wrapped, "
                                + "c.sealed, t.tipster_public_key FROM tip t "
                                + "JOIN tip_data_key k ON k.tip_id = t.id JOIN tip_content c ON c.tip_id = t.id "
                                + "ORDER BY t.received_at DESC LIMIT 1")) {
            rs.next();
            UUID tipId = rs.getObject(1, UUID.class);
            byte[] dataKey = IntakeTestDatabase.TIP_LINE_KEY.unwrapDataKey(tipId, rs.getBytes(5));
            byte[] sealed = rs.getBytes(6);
            TipAnswers answers =
                    TipAnswersCodec.decode(SealedField.open(dataKey, tipId, TipAnswers.FIELD, rs.getInt(4), sealed));
            return new StoredTip(rs.getString(2), rs.getInt(3), rs.getInt(4), sealed, rs.getBytes(7), answers);
        }
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(FormPosts.to(url("/tips"), body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private long count(String table) throws SQLException {
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var rs = owner.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
