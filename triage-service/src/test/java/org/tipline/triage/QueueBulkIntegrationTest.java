package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;
import org.tipline.triage.tips.QueueBatch;

/**
 * Changing several ticked tips from the queue, without JavaScript, over real HTTP and PostgreSQL: each tip goes
 * through the same guarded change and audit entry as on its own page, on the version the queue showed; refusals are
 * named per tip in the summary at the top; the form needs CSRF, the coordinator role, and at most 100 tips.
 */
@TriageIntegrationTest
class QueueBulkIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    @BeforeEach
    void emptyQueue() throws SQLException {
        SETUP.execute("DELETE FROM referral; DELETE FROM tip");
    }

    @Test
    void ticksTipsSetsTheirStatusAndNamesEachRefusal() throws Exception {
        UUID first = tip("first");
        UUID second = tip("second");
        UUID closedMeanwhile = tip("closed without a new version");
        UUID changedMeanwhile = tip("changed by someone else");
        UUID alreadyInReview = tip("already in review");
        SETUP.execute("UPDATE tip SET status = 'IN_REVIEW' WHERE id = '" + alreadyInReview + "'");
        var account = SETUP.staff("COORDINATOR");
        try (WebClient browser = Browsers.withoutJavaScript()) {
            HtmlPage queue = account.signIn(browser, url(""));
            for (UUID id : List.of(first, second, closedMeanwhile, changedMeanwhile, alreadyInReview)) {
                queue.<HtmlCheckBoxInput>getHtmlElementById("pick-" + id).setChecked(true);
            }
            // After the queue was shown: one tip is closed as it was (as a list of closed tips would show it), and
            // another is changed by someone else, which gives it a new version.
            SETUP.execute(
                    "UPDATE tip SET status = 'CLOSED', close_reason = 'SPAM' WHERE id = '" + closedMeanwhile + "'");
            SETUP.execute(
                    "UPDATE tip SET labels = '{other}', version = version + 1 WHERE id = '" + changedMeanwhile + "'");
            queue.<HtmlSelect>getHtmlElementById("bulk-status").setSelectedAttribute("IN_REVIEW", true);
            HtmlPage after = queue.getHtmlElementById("bulk-status-button").click();

            assertThat(after.getUrl().getPath()).isEqualTo("/queue");
            var summary = after.getHtmlElementById("bulk-result");
            assertThat(summary.getAttribute("role")).isEqualTo("alert");
            assertThat(after.getHtmlElementById("bulk-headline").asNormalizedText())
                    .isEqualTo("2 tips set to In review.");
            assertThat(after.getHtmlElementById("bulk-refused").asNormalizedText())
                    .contains("Tip " + closedMeanwhile.toString().substring(0, 8) + ": already closed")
                    .contains("Tip " + changedMeanwhile.toString().substring(0, 8)
                            + ": someone changed it after the queue was loaded");
            assertThat(after.getHtmlElementById("bulk-unchanged").asNormalizedText())
                    .contains("Tip " + alreadyInReview.toString().substring(0, 8) + ": already In review.");

            assertThat(status(first)).isEqualTo("IN_REVIEW");
            assertThat(status(second)).isEqualTo("IN_REVIEW");
            assertThat(status(closedMeanwhile)).isEqualTo("CLOSED");
            assertThat(status(changedMeanwhile)).isEqualTo("NEW");
            for (UUID id : List.of(first, second)) {
                assertThat(audit(id)).containsExactly(account.username() + " STATUS_CHANGED status=IN_REVIEW");
            }
            for (UUID id : List.of(closedMeanwhile, changedMeanwhile, alreadyInReview)) {
                assertThat(audit(id)).isEmpty();
            }
        }
    }

    @Test
    void labelsAndAssignmentsGoThroughTheSameChecksAndReadInSpanish() throws Exception {
        UUID labelled = tip("labelled before");
        UUID plain = tip("plain");
        UUID child = tip("someone under 18");
        SETUP.execute("UPDATE tip SET labels = '{motel}' WHERE id = '" + labelled + "'");
        SETUP.execute("UPDATE tip SET child_protection_required = true WHERE id = '" + child + "'");
        var account = SETUP.staff("COORDINATOR");
        try (WebClient browser = Browsers.withoutJavaScript()) {
            browser.addRequestHeader("Accept-Language", "es");
            HtmlPage queue = account.signIn(browser, url(""));
            tick(queue, labelled, plain);
            queue.<HtmlTextInput>getHtmlElementById("bulk-label").type("Motel");
            HtmlPage labelledPage =
                    queue.getHtmlElementById("bulk-label-button").click();
            assertThat(labelledPage.getHtmlElementById("bulk-result").getAttribute("role"))
                    .isEqualTo("status");
            assertThat(labelledPage.getHtmlElementById("bulk-headline").asNormalizedText())
                    .isEqualTo("1 aviso recibió la etiqueta «motel».");
            assertThat(labelledPage.getHtmlElementById("bulk-unchanged").asNormalizedText())
                    .contains("ya tenía la etiqueta «motel».");
            assertThat(SETUP.text("SELECT array_to_string(labels, ',') FROM tip WHERE id = ?", plain))
                    .isEqualTo("motel");
            assertThat(audit(plain)).containsExactly(account.username() + " LABELS_CHANGED labels=motel");
            assertThat(audit(labelled)).isEmpty();

            tick(labelledPage, plain, child);
            HtmlPage assigned =
                    labelledPage.getHtmlElementById("bulk-assign-button").click();
            assertThat(assigned.getHtmlElementById("bulk-headline").asNormalizedText())
                    .isEqualTo("2 avisos asignados a Test " + account.username() + ".");
            assertThat(SETUP.count("SELECT count(*) FROM tip WHERE assignee = ?", account.id()))
                    .isEqualTo(2);

            tick(assigned, plain, child);
            assigned.<HtmlSelect>getHtmlElementById("bulk-status").setSelectedAttribute("CLOSED", true);
            HtmlPage noReason =
                    assigned.getHtmlElementById("bulk-status-button").click();
            assertThat(noReason.getWebResponse().getStatusCode()).isEqualTo(422);
            assertThat(noReason.getHtmlElementById("bulk-result").asNormalizedText())
                    .isEqualTo("Elija por qué se cierra el aviso.");
            assertThat(noReason.<HtmlCheckBoxInput>getHtmlElementById("pick-" + child)
                            .isChecked())
                    .as("the ticks stay when the form is shown again")
                    .isTrue();
            noReason.<HtmlSelect>getHtmlElementById("bulk-reason").setSelectedAttribute("NOT_TRAFFICKING", true);
            HtmlPage closed = noReason.getHtmlElementById("bulk-status-button").click();
            assertThat(closed.getHtmlElementById("bulk-headline").asNormalizedText())
                    .isEqualTo("1 aviso pasó a Cerrado.");
            assertThat(closed.getHtmlElementById("bulk-refused").asNormalizedText())
                    .contains("Aviso " + child.toString().substring(0, 8))
                    .contains("menor de 18");
            assertThat(status(child)).isEqualTo("IN_REVIEW");
            assertThat(status(plain)).isEqualTo("CLOSED");
        }
    }

    @Test
    void moreThanAHundredTipsNoTokenOrTheWrongRoleChangeNothing() throws Exception {
        UUID tip = tip("guarded");
        String version = SETUP.text("SELECT version FROM tip WHERE id = ?", tip);
        String oneTip = "tip=" + tip + "%3A" + version + "&action=status&setStatus=IN_REVIEW";
        String tooMany = IntStream.range(0, 100)
                        .mapToObj(i -> "tip=" + UUID.randomUUID() + "%3A0")
                        .collect(Collectors.joining("&"))
                + "&" + oneTip;
        try (WebClient browser = Browsers.withoutJavaScript()) {
            String csrf = csrf(SETUP.staff("COORDINATOR").signIn(browser, url("")));
            assertThat(post(browser, "_csrf=" + csrf + "&" + tooMany)).isEqualTo(400);
            assertThat(post(browser, oneTip)).as("no CSRF token").isEqualTo(403);
            assertThat(post(browser, "_csrf=" + csrf + "&tip=not-a-tip&action=status&setStatus=IN_REVIEW"))
                    .isEqualTo(400);
        }
        try (WebClient browser = Browsers.withoutJavaScript()) {
            String csrf = csrf(SETUP.staff("SUPERVISOR").signIn(browser, url("")));
            assertThat(post(browser, "_csrf=" + csrf + "&" + oneTip)).isEqualTo(403);
        }
        assertThat(status(tip)).isEqualTo("NEW");
        assertThat(audit(tip)).isEmpty();
        try (WebClient browser = Browsers.withoutJavaScript()) {
            String csrf = csrf(SETUP.staff("COORDINATOR").signIn(browser, url("")));
            assertThat(post(browser, "_csrf=" + csrf + "&" + oneTip)).isEqualTo(302);
        }
        assertThat(status(tip)).isEqualTo("IN_REVIEW");
    }

    @Test
    void aFloodOfBulkChangesIsAnsweredTipByTipOnceAndAnotherCoordinatorStillTakesTheNextTip() throws Exception {
        List<UUID> tips = IntStream.range(0, QueueBatch.MAX_TIPS)
                .mapToObj(i -> tip("flood " + i))
                .toList();
        String everyTip =
                tips.stream().map(id -> "tip=" + id + "%3A" + version(id)).collect(Collectors.joining("&"));
        UUID takenTip;
        try (WebClient flooder = Browsers.withoutJavaScript();
                WebClient genuine = Browsers.withoutJavaScript()) {
            String csrf = csrf(SETUP.staff("COORDINATOR").signIn(flooder, url("")));
            String cookie = flooder.getCookieManager().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            HttpClient http = HttpClient.newHttpClient();
            List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String body = "_csrf=" + csrf + "&action=label&label=flood-" + i + "&" + everyTip;
                posts.add(() -> http.send(
                        HttpRequest.newBuilder(URI.create(url("/queue/bulk")))
                                .header("Cookie", cookie)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            HtmlPage queue = SETUP.staff("COORDINATOR").signIn(genuine, url(""));
            var pool = Executors.newFixedThreadPool(posts.size());
            try {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                posts.forEach(post -> answers.add(pool.submit(post)));

                // While the flood runs, another coordinator takes the next tip as usual.
                HtmlPage taken = Browsers.submit(queue, "take-next-form");
                assertThat(taken.getUrl().getPath()).startsWith("/tips/");
                takenTip = UUID.fromString(taken.getUrl().getPath().substring("/tips/".length()));
                assertThat(taken.getWebResponse().getStatusCode()).isEqualTo(200);

                List<Integer> statuses = new ArrayList<>();
                for (var answer : answers) {
                    HttpResponse<String> response = answer.get();
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 503) {
                        assertThat(response.body())
                                .contains("Other changes to many tips are running right now")
                                .contains("checked");
                    }
                }
                assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(302, 503));
                assertThat(statuses).contains(302);
            } finally {
                pool.shutdownNow();
            }
        }
        // Every request carried the versions the queue showed: the first to reach a tip labelled it, every later
        // one was refused for that tip. One label and one audit entry per tip, never two, never half; the tip taken
        // meanwhile has a new version, so the flood may have reached it too late.
        assertThat(audit(takenTip)).hasSizeLessThanOrEqualTo(1);
        for (UUID id : tips.stream().filter(id -> !id.equals(takenTip)).toList()) {
            assertThat(SETUP.text("SELECT array_to_string(labels, ',') FROM tip WHERE id = ?", id))
                    .matches("flood-\\d+");
            assertThat(audit(id)).hasSize(1);
        }
    }

    @Test
    void withoutJavaScriptTheMinuteReloadStopsWhileTipsAreTicked() throws Exception {
        UUID tip = tip("ticked without javascript");
        try (WebClient browser = Browsers.withoutJavaScript()) {
            HtmlPage queue = SETUP.staff("COORDINATOR").signIn(browser, url(""));
            assertThat(reloads(queue)).isTrue();
            HtmlPage still = queue.getHtmlElementById("reloading")
                    .getElementsByTagName("a")
                    .get(0)
                    .click();
            assertThat(reloads(still)).isFalse();
            tick(still, tip);
            still.<HtmlSelect>getHtmlElementById("bulk-status").setSelectedAttribute("AWAITING_TIPSTER", true);
            HtmlPage after = still.getHtmlElementById("bulk-status-button").click();
            assertThat(after.getHtmlElementById("bulk-headline").asNormalizedText())
                    .isEqualTo("1 tip set to Waiting for the tipster.");
            assertThat(reloads(after))
                    .as("the queue after the change is still not reloading")
                    .isFalse();
            HtmlPage again = after.getHtmlElementById("reloading")
                    .getElementsByTagName("a")
                    .get(0)
                    .click();
            assertThat(reloads(again)).isTrue();
        }
    }

    private static boolean reloads(HtmlPage page) {
        return page.getWebResponse().getContentAsString().contains("http-equiv=\"refresh\"");
    }

    private static UUID tip(String place) {
        try {
            return SETUP.fileTip(TipAnswers.builder().location(place).build());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void tick(HtmlPage queue, UUID... tips) {
        for (UUID id : tips) {
            queue.<HtmlCheckBoxInput>getHtmlElementById("pick-" + id).setChecked(true);
        }
    }

    private static String version(UUID tip) {
        try {
            return SETUP.text("SELECT version FROM tip WHERE id = ?", tip);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String status(UUID tip) throws SQLException {
        return SETUP.text("SELECT status FROM tip WHERE id = ?", tip);
    }

    /** The tip's audit entries that change it (opening and claiming aside). */
    private static List<String> audit(UUID tip) throws SQLException {
        String entries = SETUP.text(
                "SELECT string_agg(actor || ' ' || action || ' ' || detail, '|' ORDER BY sequence) FROM audit_entry"
                        + " WHERE tip_id = ? AND action IN ('STATUS_CHANGED', 'LABELS_CHANGED', 'TIP_ASSIGNED')",
                tip);
        return entries == null ? List.of() : List.of(entries.split("\\|"));
    }

    private static String csrf(HtmlPage page) {
        return page.getElementsByName("_csrf").get(0).getAttribute("content");
    }

    private int post(WebClient browser, String body) throws Exception {
        browser.getOptions().setRedirectEnabled(false);
        var request = new WebRequest(new URL(url("/queue/bulk")), HttpMethod.POST);
        request.setRequestBody(body);
        request.setAdditionalHeader("Content-Type", "application/x-www-form-urlencoded");
        return browser.loadWebResponse(request).getStatusCode();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
