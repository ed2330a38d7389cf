package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.testsupport.Browsers;

/**
 * Attacks on the console's access that the sign-in and role tests do not already cover, one test each: session
 * fixation, guessing tip ids, granting oneself a role, and browsing past the menus. (Brute force, reused codes and
 * CSRF: StaffSignInIntegrationTest and TriageConsoleIntegrationTest; every endpoint against every role:
 * RoleMatrixIntegrationTest.)
 */
@TriageIntegrationTest
class AttacksOnAccessIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    @Test
    void aSessionIdPlantedBeforeSignInIsWorthlessAfterIt() throws Exception {
        var coordinator = SETUP.staff("COORDINATOR");
        try (WebClient victim = Browsers.withoutJavaScript()) {
            victim.getPage(url("/login"));
            String planted = victim.getCookieManager().getCookie("JSESSIONID").getValue();

            coordinator.signIn(victim, url(""));
            String afterSignIn =
                    victim.getCookieManager().getCookie("JSESSIONID").getValue();
            assertThat(afterSignIn).isNotEqualTo(planted);

            var attacker = get("/queue", planted);
            assertThat(attacker.statusCode()).isEqualTo(302);
            assertThat(attacker.headers().firstValue("Location").orElse("")).endsWith("/login");
        }
    }

    @Test
    void guessedOrMalformedTipIdsFindNothingAndBreakNothing() throws Exception {
        var coordinator = SETUP.staff("COORDINATOR");
        try (WebClient browser = Browsers.withoutJavaScript()) {
            coordinator.signIn(browser, url(""));
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage guessed = browser.getPage(url("/tips/" + UUID.randomUUID()));
            assertThat(guessed.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(guessed.asNormalizedText()).contains("There is no tip with that id.");
            for (String malformed : new String[] {"1", "1%20OR%201=1", "..%2F..%2Fetc%2Fpasswd", "%00"}) {
                int status = browser.getPage(url("/tips/" + malformed))
                        .getWebResponse()
                        .getStatusCode();
                assertThat(status).as(malformed).isBetween(400, 499);
            }
        }
    }

    @Test
    void aCoordinatorCannotGrantThemselvesARole() throws Exception {
        var coordinator = SETUP.staff("COORDINATOR");
        try (WebClient browser = Browsers.withoutJavaScript()) {
            HtmlPage landing = coordinator.signIn(browser, url(""));
            String csrf = landing.getElementsByName("_csrf").get(0).getAttribute("content");
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            var request = new WebRequest(
                    new java.net.URL(url("/admin/staff/" + coordinator.id() + "/roles")), org.htmlunit.HttpMethod.POST);
            request.setAdditionalHeader("Content-Type", "application/x-www-form-urlencoded");
            request.setRequestBody("_csrf=" + csrf + "&roles=ADMIN&roles=SUPERVISOR&roles=COORDINATOR");
            assertThat(browser.loadWebResponse(request).getStatusCode()).isEqualTo(403);
        }
        try (var owner = SETUP.database.connectAsOwner();
                var rs = owner.createStatement()
                        .executeQuery("SELECT count(*) FROM staff_role WHERE staff_id = '" + coordinator.id()
                                + "' AND role <> 'COORDINATOR'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void browsingPastTheMenusReachesNothing() throws Exception {
        UUID tipId = SETUP.fileTip(
                org.tipline.model.tip.TipAnswers.builder().location("x").build());
        for (String path : new String[] {
            "/tips/" + tipId + "/packet",
            "/audit/export?format=csv",
            "/admin/staff",
            "/dashboard",
            "/actuator/prometheus"
        }) {
            var anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isIn(302, 404);
            assertThat(anonymous.body()).as(path).doesNotContain("tipline_").doesNotContain("x,");
        }
        for (String path : new String[] {
            "/css/../application.properties", "/application.properties", "/WEB-INF/web.xml", "/actuator/env"
        }) {
            assertThat(get(path, null).statusCode()).as(path).isIn(302, 400, 404);
        }
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(path)));
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
