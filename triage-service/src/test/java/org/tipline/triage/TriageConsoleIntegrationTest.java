package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.jdbc.audit.AuditVerifier;
import org.tipline.model.audit.AuditChain;
import org.tipline.model.audit.AuditEntry;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;
import org.tipline.testsupport.TestDatabase;
import org.tipline.triage.audit.AuditSealer;

/** The staff console over real HTTP in a browser with JavaScript off, against a database triage migrated itself. */
@TriageIntegrationTest
class TriageConsoleIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    @Autowired
    AuditSealer sealer;

    private WebClient browser;
    private TriageTestSetup.StaffAccount coordinator;

    @BeforeEach
    void setUp() throws SQLException {
        coordinator = SETUP.staff("COORDINATOR");
        browser = Browsers.withoutJavaScript();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aCoordinatorSeesTheTipInTheQueueOpensItDecryptedAndRecordsAForward() throws Exception {
        UUID tipId = SETUP.fileTip(TipAnswers.builder()
                .location("Golden Lotus Spa, Connecticut Ave")
                .businessName("Golden Lotus Spa")
                .placeType("massage-parlor")
                .zip("06851")
                .seenWhen("every night after 10")
                .people("three women who never leave")
                .youngestAge("18-25")
                .vehicles("grey minivan CT AB-1234")
                .indicators(List.of("lives-at-workplace", "appears-controlled"))
                .details("doors locked from outside at night")
                .onlineDetails("listed on a massage ad site")
                .howKnown("saw-it")
                .build());
        long auditBefore = auditCount();

        HtmlPage queue = coordinator.signIn(browser, url(""));
        assertThat(queue.getUrl().getPath()).isEqualTo("/queue");
        var link = queue.getAnchors().stream()
                .filter(a -> a.getHrefAttribute().equals("/tips/" + tipId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("tip not in the queue"));

        HtmlPage tip = link.click();
        assertThat(tip.getHtmlElementById("answer-location").getTextContent())
                .isEqualTo("Golden Lotus Spa, Connecticut Ave");
        assertThat(tip.getHtmlElementById("answer-vehicles").getTextContent()).isEqualTo("grey minivan CT AB-1234");
        assertThat(tip.getHtmlElementById("answer-indicators").asNormalizedText())
                .contains("Lives where they work");
        assertThat(tip.getHtmlElementById("answer-place-type").getTextContent()).isEqualTo("Massage or spa business");
        assertThat(tip.getHtmlElementById("answer-youngest-age").getTextContent())
                .isEqualTo("18 to 25");
        assertThat(tip.getHtmlElementById("answer-how-known").getTextContent()).isEqualTo("I saw it myself");
        assertThat(tip.getHtmlElementById("answer-online").getTextContent()).isEqualTo("listed on a massage ad site");

        HtmlForm referral = tip.getHtmlElementById("referral-form");
        tip.<org.htmlunit.html.HtmlRadioButtonInput>getHtmlElementById("destination-norwalk-police-tips")
                .setChecked(true);
        tip.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("referenceNumber")
                .type("NPD-2026-0415");
        HtmlPage after = referral.getOneHtmlElementByAttribute("button", "type", "submit")
                .click();

        assertThat(after.asNormalizedText()).contains("Referral recorded.");
        assertThat(after.getHtmlElementById("referrals").asNormalizedText())
                .contains("Norwalk Police Department tip line")
                .contains("NPD-2026-0415");
        assertThat(status(tipId)).isEqualTo("REFERRED");

        List<AuditEntry> added = auditSince(auditBefore);
        assertThat(added)
                .extracting(AuditEntry::actor, AuditEntry::action)
                .containsSubsequence(
                        org.assertj.core.groups.Tuple.tuple(coordinator.username(), "SIGN_IN"),
                        org.assertj.core.groups.Tuple.tuple(coordinator.username(), "QUEUE_VIEWED"),
                        org.assertj.core.groups.Tuple.tuple(coordinator.username(), "TIP_OPENED"),
                        org.assertj.core.groups.Tuple.tuple(coordinator.username(), "REFERRAL_RECORDED"));
        assertThat(added)
                .filteredOn(e -> e.action().equals("REFERRAL_RECORDED"))
                .allSatisfy(e -> assertThat(e.tipId()).isEqualTo(tipId))
                .allSatisfy(e -> assertThat(e.detail()).as("the status it set").endsWith(" status=REFERRED"));
        assertThat(after.getHtmlElementById("timeline-entries").asNormalizedText())
                .contains("Recorded a forward to Norwalk Police Department tip line (status now Forwarded)");
        assertThat(added).allSatisfy(e -> assertThat(e.detail()).doesNotContain("Lotus"));
        assertThat(AuditChain.verify(storedChain())).isEmpty();
    }

    @Test
    void tipContentIsEscapedNeverInterpreted() throws Exception {
        UUID tipId = SETUP.fileTip(TipAnswers.builder()
                .location("<script>alert(1)</script>")
                .details("<img src=x onerror=alert(2)> & more")
                .build());

        coordinator.signIn(browser, url(""));
        HtmlPage tip = browser.getPage(url("/tips/" + tipId));

        assertThat(tip.getHtmlElementById("answer-location").getTextContent()).isEqualTo("<script>alert(1)</script>");
        assertThat(tip.getHtmlElementById("answer-details").getTextContent())
                .isEqualTo("<img src=x onerror=alert(2)> & more");
        assertThat(tip.getHtmlElementById("answer-location").getElementsByTagName("script"))
                .isEmpty();
        assertThat(tip.getHtmlElementById("answer-details").getElementsByTagName("img"))
                .isEmpty();
    }

    @Test
    void anIncompleteForwardIsRefusedWithWhatWasTypedKeptAndNothingRecorded() throws Exception {
        UUID tipId =
                SETUP.fileTip(TipAnswers.builder().location("Route 1 motel").build());
        coordinator.signIn(browser, url(""));
        HtmlPage tip = browser.getPage(url("/tips/" + tipId));
        tip.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("referenceNumber")
                .type("half-typed ref");

        HtmlPage again = Browsers.submit(tip, "referral-form");

        assertThat(again.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(again.asNormalizedText()).contains("Choose where the tip was forwarded.");
        assertThat(again.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("referenceNumber")
                        .getValue())
                .isEqualTo("half-typed ref");
        assertThat(referralCount(tipId)).isZero();
    }

    @Test
    void aWrongPasswordIsRefusedAndAudited() throws Exception {
        long before = auditCount();
        HtmlPage login = browser.getPage(url("/login"));
        login.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("username").type(coordinator.username());
        login.<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("password")
                .type("not the passphrase");
        HtmlPage after = Browsers.submit(login, "login-form");

        assertThat(after.asNormalizedText()).contains("The username or password is wrong.");
        assertThat(auditSince(before))
                .extracting(AuditEntry::actor, AuditEntry::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(coordinator.username(), "SIGN_IN_FAILED"));
    }

    @Test
    void staffFormsRequireTheCsrfToken() throws Exception {
        UUID tipId =
                SETUP.fileTip(TipAnswers.builder().location("somewhere else").build());
        coordinator.signIn(browser, url(""));
        String cookie = browser.getCookieManager().getCookie("JSESSIONID").getValue();

        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/tips/" + tipId + "/referrals")))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Cookie", "JSESSIONID=" + cookie)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "destinationId=norwalk-police-tips&referenceNumber=X1"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(referralCount(tipId)).isZero();
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        HtmlPage queue = coordinator.signIn(browser, url(""));
        HtmlPage signedOut = queue.getForms().stream()
                .filter(f -> f.getActionAttribute().endsWith("/logout"))
                .findFirst()
                .orElseThrow()
                .getOneHtmlElementByAttribute("button", "type", "submit")
                .click();

        assertThat(signedOut.asNormalizedText()).contains("You are signed out");
        assertThat(browser.<HtmlPage>getPage(url("/queue")).getUrl().getPath()).isEqualTo("/login");
    }

    @Test
    void deletingATipsWrappedDataKeyShredsItsContentForGood() throws Exception {
        UUID tipId = SETUP.fileTip(TipAnswers.builder()
                .location("Shredded Lane 9")
                .details("to be destroyed")
                .build());
        coordinator.signIn(browser, url(""));
        assertThat(browser.<HtmlPage>getPage(url("/tips/" + tipId)).asNormalizedText())
                .contains("Shredded Lane 9");

        byte[] sealedContent;
        try (var owner = SETUP.database.connectAsOwner();
                var delete = owner.prepareStatement("DELETE FROM tip_data_key WHERE tip_id = ?");
                var select = owner.prepareStatement("SELECT sealed FROM tip_content WHERE tip_id = ?")) {
            delete.setObject(1, tipId);
            assertThat(delete.executeUpdate()).isEqualTo(1);
            select.setObject(1, tipId);
            try (var rs = select.executeQuery()) {
                rs.next();
                sealedContent = rs.getBytes(1);
            }
        }

        HtmlPage after = browser.getPage(url("/tips/" + tipId));
        assertThat(after.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(after.asNormalizedText())
                .contains("content has been destroyed")
                .doesNotContain("Shredded Lane");
        // The ciphertext that remains is useless: no other key in the system opens it.
        assertThat(new String(sealedContent, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Shredded");
    }

    @Test
    void theTriageRoleCannotRewriteTheAuditTrail() throws Exception {
        coordinator.signIn(browser, url(""));
        try (var triage = SETUP.database.connectAs(TestDatabase.TRIAGE_ROLE)) {
            assertThatThrownBy(() -> triage.createStatement().executeUpdate("UPDATE audit_entry SET actor = 'x'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> triage.createStatement().executeUpdate("DELETE FROM audit_entry"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> triage.createStatement().executeUpdate("TRUNCATE audit_entry"))
                    .hasMessageContaining("permission denied");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String status(UUID tipId) throws SQLException {
        return SETUP.text("SELECT status FROM tip WHERE id = ?", tipId);
    }

    private long referralCount(UUID tipId) throws SQLException {
        return SETUP.count("SELECT count(*) FROM referral WHERE tip_id = ?", tipId);
    }

    private long auditCount() throws SQLException {
        return storedChain().size();
    }

    private List<AuditEntry> auditSince(long count) throws SQLException {
        return storedChain().stream().skip(count).map(AuditChain.Stored::entry).toList();
    }

    /** The chain once every committed entry is sealed into it (entries are linked shortly after commit). */
    private List<AuditChain.Stored> storedChain() throws SQLException {
        sealer.sealNow();
        try (var owner = SETUP.database.connectAsOwner()) {
            return AuditVerifier.sealedChain(owner);
        }
    }
}
