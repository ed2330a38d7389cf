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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.TipAnswersBuilder;
import org.tipline.model.tip.VehicleSeen;
import org.tipline.testsupport.Browsers;

/**
 * Coordinators find tips by what they say: words in Spanish or English whatever the accents and capitals, and exact
 * plates or phone numbers through the blind indexes, also in tips older than the words are looked for in. What was
 * typed is stored nowhere; each search is audited with its counts only.
 */
@TriageIntegrationTest(properties = "tipline.triage.search.recent-tips=5")
class TipSearchIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    private WebClient browser;

    @BeforeEach
    void signIn() throws Exception {
        browser = Browsers.withoutJavaScript();
        SETUP.staff("COORDINATOR").signIn(browser, url(""));
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void spanishWordsFindTipsWhateverTheAccentsAndTheBestMatchComesFirst() throws Exception {
        UUID both = tip("Vi una camioneta GRIS frente al Motel Ríoverde, con dos niñas.", "", "");
        UUID oneWord = tip("Una camioneta blanca pasa cada noche.", "", "");
        UUID neither = tip("Nada que ver con vehículos.", "", "");
        long searchesBefore = count("SELECT count(*) FROM audit_entry WHERE action = 'TIPS_SEARCHED'");

        HtmlPage found = search("Camioneta gris");

        List<String> order = hitIds(found);
        assertThat(order).startsWith(both.toString(), oneWord.toString()).doesNotContain(neither.toString());
        assertThat(found.getHtmlElementById("hit-" + both).asNormalizedText())
                .contains("Words found in: what was seen");
        assertThat(hitIds(search("rioverde NINAS"))).containsExactly(both.toString());
        assertThat(hitIds(search("camion"))).contains(both.toString(), oneWord.toString());
        assertThat(search("zzqx-nothing").getHtmlElementById("results-heading").asNormalizedText())
                .isEqualTo("No tips found");

        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'TIPS_SEARCHED'"))
                .isEqualTo(searchesBefore + 4);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE detail ILIKE '%camion%' OR detail ILIKE '%rioverde%'"))
                .isZero();
    }

    @Test
    void aPlateOrPhoneTypedAnyWayFindsTheTipThroughTheIndexesEvenWhenItIsNoLongerRecent() throws Exception {
        UUID old = tip("Van parked behind the laundromat all night.", "QZ-7301", "Call 203 555 0199 for a girl.");
        Browsers.submit(browser.getPage(url("/queue")), "index-links-form");
        for (int i = 0; i < 5; i++) {
            tip("Newer unrelated tip " + i + ".", "", "");
        }

        HtmlPage byPlate = search("ct qz7301");
        assertThat(hitIds(byPlate)).containsExactly(old.toString());
        assertThat(byPlate.getHtmlElementById("hit-" + old).asNormalizedText()).contains("Exact match: plate");
        assertThat(hitIds(search("(203) 555-0199"))).containsExactly(old.toString());
        assertThat(hitIds(search("QZ 7301"))).containsExactly(old.toString());
        // Words are looked for in the five most recent tips only, and the page says so.
        HtmlPage words = search("laundromat");
        assertThat(hitIds(words)).isEmpty();
        assertThat(words.asNormalizedText()).contains("words are looked for in the 5 most recent tips");
    }

    @Test
    void anOverlongSearchIsRefusedWithWhatWasTypedKept() throws Exception {
        String typed = "a".repeat(201);
        var refused = browser.getPage(url("/search?q=" + typed)).getWebResponse();
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getContentAsString())
                .contains("A search can be at most 200 characters")
                .contains("value=\"" + typed + "\"");
        assertThat(browser.<HtmlPage>getPage(url("/search?q=%3Cscript%3Ealert(1)%3C/script%3E"))
                        .getWebResponse()
                        .getContentAsString())
                .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void manySearchesAtOnceAreAllAnsweredAndTheQueueStillOpens() throws Exception {
        tip("Flood check tip with a blue truck.", "", "");
        String cookie = browser.getCookieManager().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
        HttpClient http = HttpClient.newHttpClient();
        List<Callable<Integer>> searches = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            searches.add(() -> http.send(
                            HttpRequest.newBuilder(URI.create(url(
                                            "/search?q=" + URLEncoder.encode("blue truck", StandardCharsets.UTF_8))))
                                    .header("Cookie", cookie)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(searches.size());
        try {
            for (Future<Integer> answer : pool.invokeAll(searches)) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses)
                .allSatisfy(status -> assertThat(status).isIn(200, 503))
                .contains(200);
        assertThat(browser.<HtmlPage>getPage(url("/queue")).getWebResponse().getStatusCode())
                .isEqualTo(200);
    }

    private HtmlPage search(String query) throws Exception {
        HtmlPage page = browser.getPage(url("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        return page;
    }

    private static List<String> hitIds(HtmlPage page) {
        return page.getByXPath("//ol[@class='search-hits']/li").stream()
                .map(li -> ((HtmlElement) li).getId().substring("hit-".length()))
                .toList();
    }

    private UUID tip(String details, String plate, String online) throws SQLException {
        TipAnswersBuilder answers = TipAnswers.builder().details(details + " " + online);
        if (!plate.isEmpty()) {
            answers.vehicleDetails(List.of(new VehicleSeen("Ford", "Transit", "white", plate, "CT", "")));
        }
        return SETUP.fileTip(answers.build());
    }

    private static long count(String sql) throws SQLException {
        try (var owner = SETUP.database.connectAsOwner();
                var rs = owner.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
