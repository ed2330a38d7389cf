package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.jdbc.audit.AuditVerifier;
import org.tipline.model.audit.AuditChain;
import org.tipline.testsupport.Browsers;
import org.tipline.testsupport.FormPosts;
import org.tipline.triage.audit.AuditSealer;
import org.tipline.triage.audit.RefusedSignIns;
import org.tipline.triage.staff.UnlockBudget;

/**
 * Issue 14 items 1, 5 and 7 as an attacker runs them, over real HTTP on real PostgreSQL: floods of anonymous sign-ins
 * with made-up names and with a staff member's name. The console stays within its Argon2id heap budget, the audit
 * trail gets one counted entry per name instead of one per attempt, and the genuine coordinator still gets in.
 */
@TriageIntegrationTest
class StaffSignInUnderAttackIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // Budget two staff-password unlocks out of this JVM's heap, as -Xmx512m gives the console.
        registry.add(
                "tipline.triage.sign-in.argon2-heap-share",
                () -> 2.5 * UnlockBudget.BYTES_PER_UNLOCK / Runtime.getRuntime().maxMemory());
    }

    @LocalServerPort
    int port;

    @Autowired
    UnlockBudget budget;

    @Autowired
    RefusedSignIns refused;

    @Autowired
    AuditSealer sealer;

    private final List<WebClient> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebClient::close);
    }

    @Test
    void aFloodOfMadeUpNamesStaysInTheHeapBudgetIsCountedAndATrustedCoordinatorGetsIn() throws Exception {
        assertThat(budget.slots()).isEqualTo(2);
        var coordinator = SETUP.staff("COORDINATOR");
        WebClient trusted = browser();
        TriageTestSetup.signOut(coordinator.signIn(trusted, url("")));
        refused.write();
        long before = lastSequence();

        int attempts = 24;
        ExecutorService strangers = Executors.newFixedThreadPool(12);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String name = "made-up-" + UUID.randomUUID();
            answers.add(strangers.submit(() -> new Stranger().signIn(name, "guess", "")));
        }
        // While the strangers' unlocks fill their lane, the coordinator's browser has the slot they cannot take.
        assertThat(coordinator.signIn(trusted, url("")).getUrl().getPath()).isEqualTo("/queue");

        int busy = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 503) {
                busy++;
                assertThat(response.headers().firstValue("Retry-After"))
                        .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
                assertThat(response.body()).contains("The console is busy").contains("console.css");
            } else {
                assertThat(response.statusCode()).isEqualTo(302);
                assertThat(response.headers().firstValue("Location").orElseThrow())
                        .containsAnyOf("/login?error", "/login?wait");
            }
        }
        strangers.shutdown();
        assertThat(busy).as("attempts refused for load").isPositive();
        assertThat(budget.peakConcurrent()).isLessThanOrEqualTo(budget.slots());
        assertThat(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);

        // Every attempt is in the trail, refused for load or not, in a handful of counted entries.
        refused.write();
        List<String> details = details("actor = 'unknown'", before);
        assertThat(details.size()).as("opening and closing entries per action").isLessThanOrEqualTo(6);
        assertThat(details.stream()
                        .mapToLong(StaffSignInUnderAttackIntegrationTest::count)
                        .sum())
                .isEqualTo(attempts);
        sealer.sealNow();
        assertThat(AuditChain.verify(AuditVerifier.sealedChain(SETUP.database.connectAsOwner())))
                .isEmpty();
        assertThat(AuditVerifier.unsealed(SETUP.database.connectAsOwner()).count())
                .isZero();
    }

    @Test
    void strangersHammeringANameDoNotLockItsOwnerOutOfATrustedDevice() throws Exception {
        var coordinator = SETUP.staff("COORDINATOR");
        WebClient trusted = browser();
        TriageTestSetup.signOut(coordinator.signIn(trusted, url("")));

        Stranger stranger = new Stranger();
        for (int i = 0; i < 8; i++) {
            stranger.signIn(coordinator.username(), "wrong guess " + i, "");
        }
        assertThat(stranger.signIn(coordinator.username(), TriageTestSetup.PASSWORD, "")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login?wait");

        HtmlPage queue = coordinator.signIn(trusted, url(""));
        assertThat(queue.getUrl().getPath()).isEqualTo("/queue");
        // The strangers' failures stay on the anonymous lane, which the device's success does not clear for them.
        assertThat(failedSignIns(coordinator.id())).isPositive();

        // The device is trusted for its own account only.
        var colleague = SETUP.staff("COORDINATOR");
        lockAnonymousLane(colleague.id());
        TriageTestSetup.signOut(queue);
        assertThat(login(trusted, colleague.username(), TriageTestSetup.PASSWORD, "")
                        .asNormalizedText())
                .contains("Too many attempts")
                .as("the page says how to get in now")
                .contains("type your password and the current code from your app together");
    }

    @Test
    void onANewDeviceTheOwnerGetsPastALockedNameWithPasswordAndCodeTogether() throws Exception {
        var coordinator = SETUP.staff("COORDINATOR");
        Stranger stranger = new Stranger();
        for (int i = 0; i < 5; i++) {
            stranger.signIn(coordinator.username(), "wrong guess " + i, "");
        }
        // A stranger with a made-up code learns nothing: the same answer as for the password alone.
        assertThat(stranger.signIn(coordinator.username(), "another guess", "123456")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login?wait");

        WebClient newDevice = browser();
        HtmlPage waiting = login(newDevice, coordinator.username(), TriageTestSetup.PASSWORD, "");
        assertThat(waiting.asNormalizedText()).contains("Too many attempts");
        HtmlPage wrongCode = login(newDevice, coordinator.username(), TriageTestSetup.PASSWORD, "000000");
        assertThat(wrongCode.asNormalizedText()).contains("Too many attempts");
        HtmlPage queue = login(newDevice, coordinator.username(), TriageTestSetup.PASSWORD, coordinator.nextCode());
        assertThat(queue.getUrl().getPath()).isEqualTo("/queue");
    }

    @Test
    void twoHundredThrottledAttemptsLeaveCountedEntriesAndAChainThatVerifies() throws Exception {
        var coordinator = SETUP.staff("COORDINATOR");
        lockAnonymousLane(coordinator.id());
        Stranger stranger = new Stranger();
        refused.write();
        long before = lastSequence();

        ExecutorService flood = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(flood.submit(() -> stranger.signIn(coordinator.username(), "flood", "")));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().headers().firstValue("Location").orElseThrow())
                    .endsWith("/login?wait");
        }
        flood.shutdown();
        refused.write();

        List<String> throttled =
                details("actor = '" + coordinator.username() + "' AND action = 'SIGN_IN_THROTTLED'", before);
        assertThat(throttled.size())
                .as("an opening and a closing entry per window")
                .isBetween(2, 4);
        assertThat(throttled.stream()
                        .mapToLong(StaffSignInUnderAttackIntegrationTest::count)
                        .sum())
                .isEqualTo(200);
        sealer.sealNow();
        assertThat(AuditChain.verify(AuditVerifier.sealedChain(SETUP.database.connectAsOwner())))
                .isEmpty();
        assertThat(AuditVerifier.unsealed(SETUP.database.connectAsOwner()).count())
                .isZero();
    }

    /** An anonymous client with its own session, as a script would post the sign-in form. */
    private final class Stranger {
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private String csrf;

        synchronized String csrf() throws Exception {
            if (csrf == null) {
                String page = http.send(
                                HttpRequest.newBuilder(URI.create(url("/login")))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                Matcher token = CSRF.matcher(page);
                assertThat(token.find()).isTrue();
                csrf = token.group(1);
            }
            return csrf;
        }

        HttpResponse<String> signIn(String username, String password, String code) throws Exception {
            String form = "_csrf=" + encode(csrf()) + "&username=" + encode(username) + "&password=" + encode(password)
                    + "&code=" + encode(code);
            return http.send(
                    FormPosts.to(url("/login"), form)
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theCodeFieldIsFoldedAwayUnlessTheSignInWasAskedToWait() throws Exception {
        WebClient browser = browser();
        HtmlPage first = browser.getPage(url("/login"));
        assertThat(first.getHtmlElementById("login-code-details").hasAttribute("open"))
                .as("a day-one sign-in asks for the code on the next page")
                .isFalse();
        HtmlPage waiting = browser.getPage(url("/login?wait"));
        assertThat(waiting.getHtmlElementById("login-code-details").hasAttribute("open"))
                .isTrue();
    }

    private WebClient browser() {
        WebClient browser = Browsers.withoutJavaScript();
        browsers.add(browser);
        return browser;
    }

    private HtmlPage login(WebClient browser, String username, String password, String code) throws Exception {
        HtmlPage login = browser.getPage(url("/login"));
        login.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("username").type(username);
        login.<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("password")
                .type(password);
        login.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("login-code").type(code);
        return Browsers.submit(login, "login-form");
    }

    private static long count(String detail) {
        Matcher count = Pattern.compile("count=(\\d+)").matcher(detail);
        assertThat(count.find()).as(detail).isTrue();
        return Long.parseLong(count.group(1));
    }

    private long lastSequence() throws SQLException {
        try (var owner = SETUP.database.connectAsOwner();
                var select = owner.prepareStatement("SELECT coalesce(max(sequence), 0) FROM audit_entry");
                var rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> details(String where, long after) throws SQLException {
        try (var owner = SETUP.database.connectAsOwner();
                var select = owner.prepareStatement("SELECT detail FROM audit_entry WHERE sequence > ? AND " + where
                        + " AND action LIKE 'SIGN_IN_%'")) {
            select.setLong(1, after);
            List<String> details = new ArrayList<>();
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    details.add(rs.getString(1));
                }
            }
            return details;
        }
    }

    /** As after ten wrong passwords just now: the next anonymous attempt waits minutes. */
    private void lockAnonymousLane(UUID staffId) throws SQLException {
        try (var owner = SETUP.database.connectAsOwner();
                var update = owner.prepareStatement(
                        "UPDATE staff SET failed_sign_ins = 10, last_failed_sign_in = now() WHERE id = ?")) {
            update.setObject(1, staffId);
            update.executeUpdate();
        }
    }

    private int failedSignIns(UUID staffId) throws SQLException {
        return SETUP.count("SELECT failed_sign_ins FROM staff WHERE id = ?", staffId);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
