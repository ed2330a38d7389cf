package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.Test;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.TipAnswersCodec;
import org.tipline.testsupport.Browsers;
import org.tipline.testsupport.TestDatabase;

/**
 * A coordinator takes a phone call and files it through the console's questionnaire, over real HTTP on real
 * PostgreSQL: it is sealed like a web tip, queued with its tier and channel, readable only in a staff session, and the
 * caller follows it up with the receipt read out to them, through the same database functions intake's follow-up page
 * calls.
 */
@TriageIntegrationTest
class CallTipIntegrationTest extends SignedInCoordinatorTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    static final String PLACE = "Sunrise Motel, room 12, Route 1";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aPhoneTipIsSealedQueuedReadInTheConsoleAndFollowedUpWithTheReadOutReceipt() throws Exception {
        HtmlPage form = browser.getPage(url("/calls/new"));
        form.<HtmlTextInput>getHtmlElementById("location").setText(PLACE);
        form.<HtmlTextArea>getHtmlElementById("details")
                .setText("Caller saw two girls locked in, a man guarding the door.");
        form.<HtmlCheckBoxInput>getHtmlElementById("happeningNow").setChecked(true);
        form.<HtmlRadioButtonInput>getHtmlElementById("channel-phone").setChecked(true);
        HtmlPage filed = Browsers.submit(form, "call-form");

        // Danger now: the coordinator is told at once, and the receipt is there to read out, letter by letter.
        assertThat(filed.getElementById("call-now")).isNotNull();
        String receipt = filed.getHtmlElementById("receipt").asNormalizedText();
        List<String> spoken = filed.getHtmlElementById("spoken-receipt").getElementsByTagName("li").stream()
                .map(li -> li.asNormalizedText())
                .toList();
        assertThat(spoken).hasSize(5);
        String heardByCaller =
                spoken.stream().map(CallTipIntegrationTest::writeDown).collect(Collectors.joining("-"));
        assertThat(heardByCaller).isEqualTo(receipt);

        // A double submit of the same form files nothing new and shows the same receipt.
        HtmlPage again = Browsers.submit(form, "call-form");
        assertThat(again.getHtmlElementById("receipt").asNormalizedText()).isEqualTo(receipt);
        assertThat(again.getElementById("already-filed")).isNotNull();
        UUID tipId = tipFiledUnder(receipt);
        assertThat(tipsterStatus(heardByCaller)).isEqualTo("RECEIVED");

        // Queued first (immediate), with its channel; sealed at rest; the coordinator named only in the audit trail.
        HtmlPage queue = browser.getPage(url("/queue"));
        String row = queue.getHtmlElementById("row-" + tipId).asNormalizedText();
        assertThat(row).contains("Phone call").contains("Happening now");
        assertThat(storedInClear(tipId)).doesNotContain(PLACE).doesNotContain(coordinator.username());
        TipAnswers sealed = SETUP.answersOf(tipId);
        assertThat(sealed.location()).isEqualTo(PLACE);
        assertThat(TipAnswersCodec.encode(sealed))
                .asString(StandardCharsets.UTF_8)
                .doesNotContain(coordinator.username());
        assertThat(auditOf(tipId)).containsExactly(coordinator.username() + " TIP_ENTERED channel=phone");

        HtmlPage tip = browser.getPage(url("/tips/" + tipId));
        assertThat(tip.getHtmlElementById("answer-location").asNormalizedText()).isEqualTo(PLACE);
        assertThat(tip.getHtmlElementById("tip-state").asNormalizedText()).contains("Channel: Phone call");

        // The caller, on the public page with the receipt written down from the spoken words.
        tip.<HtmlTextArea>getHtmlElementById("message").setText("Which door was guarded?");
        Browsers.submit(tip, "message-form");
        assertThat(tipsterStatus(heardByCaller)).isEqualTo("IN_REVIEW");
        assertThat(SETUP.tipsterSees(heardByCaller)).anyMatch(m -> m.contains("Which door was guarded?"));
        SETUP.tipsterReplies(heardByCaller, "The back door, by the ice machine.");
        assertThat(SETUP.tipsterSees(heardByCaller)).anyMatch(m -> m.contains("ice machine"));
    }

    @Test
    void badInputIsKeptWithClearErrorsAndFilesNothing() throws Exception {
        long before = tipCount();
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        HtmlPage form = browser.getPage(url("/calls/new"));
        String tooLong = "x".repeat(501);
        form.<HtmlTextInput>getHtmlElementById("location").setText(tooLong);
        form.<HtmlTextArea>getHtmlElementById("details").setText("kept as typed");
        HtmlPage again = Browsers.submit(form, "call-form");

        assertThat(again.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(again.getHtmlElementById("call-errors").asNormalizedText()).contains("longer than 500 characters");
        assertThat(again.<HtmlTextInput>getHtmlElementById("location").getText())
                .isEqualTo(tooLong);
        assertThat(again.<HtmlTextArea>getHtmlElementById("details").getText()).isEqualTo("kept as typed");

        HtmlPage empty = Browsers.submit(browser.getPage(url("/calls/new")), "call-form");
        assertThat(empty.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(empty.getHtmlElementById("call-errors").asNormalizedText()).contains("Enter at least a place");
        assertThat(tipCount()).isEqualTo(before);
    }

    @Test
    void anUnknownChannelOrAFormedTokenIsRefusedWithA4xx() throws Exception {
        long before = tipCount();
        String csrf = csrf();
        assertThat(post(Map.of(
                                "_csrf",
                                csrf,
                                "channel",
                                "web",
                                "location",
                                PLACE,
                                "submission",
                                Receipt.newSubmissionToken()))
                        .statusCode())
                .isEqualTo(422);
        assertThat(post(Map.of("_csrf", csrf, "channel", "phone", "location", PLACE, "submission", "not-a-token"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(post(Map.of(
                                "_csrf",
                                csrf,
                                "channel",
                                "phone",
                                "location",
                                PLACE,
                                "happeningNow",
                                "perhaps",
                                "submission",
                                Receipt.newSubmissionToken()))
                        .statusCode())
                .isEqualTo(422);
        assertThat(tipCount()).isEqualTo(before);
    }

    @Test
    void manySimultaneousSubmitsOfOneFormFileOneTip() throws Exception {
        String csrf = csrf();
        String token = Receipt.newSubmissionToken();
        var body = Map.of("_csrf", csrf, "channel", "walk-in", "location", PLACE, "submission", token);
        List<Callable<Integer>> clicks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clicks.add(() -> post(body).statusCode());
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (var status : pool.invokeAll(clicks)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        UUID tipId = tipFiledUnder(Receipt.fromSubmissionToken(token));
        assertThat(auditOf(tipId)).containsExactly(coordinator.username() + " TIP_ENTERED channel=walk-in");
    }

    @Test
    void aSessionWithoutTheTipLineKeyFilesNothingAndSaysWhy() throws Exception {
        var keyless = SETUP.staff("COORDINATOR");
        try (var owner = SETUP.database.connectAsOwner();
                var revoke = owner.prepareStatement("DELETE FROM key_grant WHERE staff_id = ?")) {
            revoke.setObject(1, keyless.id());
            revoke.executeUpdate();
        }
        long before = tipCount();
        try (WebClient other = Browsers.withoutJavaScript()) {
            other.getOptions().setThrowExceptionOnFailingStatusCode(false);
            keyless.signIn(other, url(""));
            HtmlPage form = other.getPage(url("/calls/new"));
            form.<HtmlTextInput>getHtmlElementById("location").setText(PLACE);
            HtmlPage refused = Browsers.submit(form, "call-form");
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(409);
            assertThat(refused.getHtmlElementById("call-errors").asNormalizedText())
                    .contains("key grant");
            assertThat(refused.<HtmlTextInput>getHtmlElementById("location").getText())
                    .isEqualTo(PLACE);
        }
        assertThat(tipCount()).isEqualTo(before);
    }

    /** What the caller writes down for one spoken group: the first letter of each word (digits by name). */
    private static String writeDown(String group) {
        var digits = Map.of(
                "Zero", "0", "One", "1", "Two", "2", "Three", "3", "Four", "4", "Five", "5", "Six", "6", "Seven", "7",
                "Eight", "8", "Nine", "9");
        return java.util.Arrays.stream(group.split(" "))
                .map(word -> digits.getOrDefault(word, word.substring(0, 1)))
                .collect(Collectors.joining());
    }

    private String csrf() throws Exception {
        HtmlPage page = browser.getPage(url("/calls/new"));
        return page.getElementsByName("_csrf").get(0).getAttribute("content");
    }

    /** A POST carrying this browser's session, from outside HtmlUnit so several can run at once. */
    private HttpResponse<String> post(Map<String, String> form) throws Exception {
        String cookie = browser.getCookieManager().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url("/calls")))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private UUID tipFiledUnder(String receipt) throws SQLException {
        try (var owner = SETUP.database.connectAsOwner();
                var query = owner.prepareStatement("SELECT id FROM tip WHERE receipt_lookup = ?")) {
            query.setBytes(1, Receipt.lookupId(receipt));
            try (var rs = query.executeQuery()) {
                List<UUID> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
                assertThat(ids).hasSize(1);
                return ids.get(0);
            }
        }
    }

    private long tipCount() throws SQLException {
        return SETUP.count("SELECT count(*) FROM tip");
    }

    /** Every byte stored for the tip, as text: its row, data key and content. */
    private String storedInClear(UUID tipId) throws SQLException {
        try (var owner = SETUP.database.connectAsOwner();
                var query = owner.prepareStatement("""
                        SELECT t::text || k::text || c::text FROM tip t
                        JOIN tip_data_key k ON k.tip_id = t.id JOIN tip_content c ON c.tip_id = t.id
                        WHERE t.id = ?""")) {
            query.setObject(1, tipId);
            try (var rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private List<String> auditOf(UUID tipId) throws SQLException {
        try (var owner = SETUP.database.connectAsOwner();
                var query = owner.prepareStatement(
                        "SELECT actor || ' ' || action || ' ' || detail FROM audit_entry WHERE tip_id = ? "
                                + "AND action = 'TIP_ENTERED' ORDER BY sequence")) {
            query.setObject(1, tipId);
            try (var rs = query.executeQuery()) {
                List<String> entries = new ArrayList<>();
                while (rs.next()) {
                    entries.add(rs.getString(1));
                }
                return entries;
            }
        }
    }

    /** What intake's follow-up page asks the database for a typed receipt, as the intake role. */
    private String tipsterStatus(String typedReceipt) throws SQLException {
        try (var intake = SETUP.database.connectAs(TestDatabase.INTAKE_ROLE);
                var call = intake.prepareStatement("SELECT tipster_status(?)")) {
            call.setBytes(1, Receipt.lookupId(typedReceipt));
            try (var rs = call.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
