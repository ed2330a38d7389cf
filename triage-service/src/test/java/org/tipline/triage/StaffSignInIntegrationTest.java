package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.crypto.Totp;
import org.tipline.testsupport.Browsers;

/** Password, second factor and first-sign-in duties over real HTTP, in a browser with JavaScript off. */
@TriageIntegrationTest
class StaffSignInIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    private WebClient browser;

    @BeforeEach
    void setUp() throws SQLException {
        browser = Browsers.withoutJavaScript();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aFirstSignInForcesANewPasswordAndEnrolmentBeforeAnythingElse() throws Exception {
        var account = SETUP.newAccount("COORDINATOR");
        HtmlPage passwordPage = typePassword(account.username(), TriageTestSetup.PASSWORD);
        assertThat(passwordPage.getUrl().getPath()).isEqualTo("/account/password");

        // Nothing else opens until the duties are done.
        assertThat(browser.<HtmlPage>getPage(url("/queue")).getUrl().getPath()).isEqualTo("/account/password");

        passwordPage
                .<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("password")
                .type("Password2024!!");
        passwordPage
                .<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("confirmation")
                .type("Password2024!!");
        HtmlPage refused = Browsers.submit(passwordPage, "password-form");
        assertThat(refused.getHtmlElementById("password-problems").asNormalizedText())
                .contains("list of common or breached passwords");

        String chosen = "harbour lantern quietly seven";
        refused.<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("password")
                .type(chosen);
        refused.<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("confirmation")
                .type(chosen);
        HtmlPage enrol = Browsers.submit(refused, "password-form");
        assertThat(enrol.getUrl().getPath()).isEqualTo("/account/second-factor");

        var qr = browser.getPage(url("/account/second-factor/qr.svg")).getWebResponse();
        assertThat(qr.getContentType()).isEqualTo("image/svg+xml");
        assertThat(qr.getContentAsString()).startsWith("<svg").contains("<path");

        byte[] secret = Totp.fromBase32(enrol.getHtmlElementById("totp-secret").getTextContent());
        enrol.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("code").type("000000");
        HtmlPage wrong = Browsers.submit(enrol, "enrol-form");
        assertThat(wrong.asNormalizedText()).contains("That code does not match");
        wrong.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("code").type(Totp.code(secret, Instant.now()));
        HtmlPage queue = Browsers.submit(wrong, "enrol-form");
        assertThat(queue.getUrl().getPath()).isEqualTo("/queue");
        TriageTestSetup.signOut(queue);

        // The old password no longer opens the account; the new one does, with a fresh code.
        assertThat(typePassword(account.username(), TriageTestSetup.PASSWORD).asNormalizedText())
                .contains("The username or password is wrong.");
        HtmlPage codePage = typePassword(account.username(), chosen);
        assertThat(codePage.getUrl().getPath()).isEqualTo("/sign-in/code");
        codePage.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("code")
                .type(Totp.code(secret, Totp.step(Instant.now()) + 1, Totp.DIGITS));
        assertThat(Browsers.submit(codePage, "code-form").getUrl().getPath()).isEqualTo("/queue");
    }

    @Test
    void theNewPasswordMayNotBeTheOneTimePasswordTheAdministratorKnowsNorCloseToIt() throws Exception {
        var account = SETUP.newAccount("COORDINATOR");
        HtmlPage page = typePassword(account.username(), TriageTestSetup.PASSWORD);
        for (String near : List.of(TriageTestSetup.PASSWORD, "A Long Test Passphrase", "a long test passphrase!!!")) {
            page.<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("password")
                    .setValue(near);
            page.<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("confirmation")
                    .setValue(near);
            page = Browsers.submit(page, "password-form");
            assertThat(page.getUrl().getPath()).isEqualTo("/account/password");
            assertThat(page.getHtmlElementById("password-problems").asNormalizedText())
                    .contains("Choose a password of your own");
        }
        String chosen = "harbour lantern quietly seven";
        page.<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("password").setValue(chosen);
        page.<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("confirmation")
                .setValue(chosen);
        assertThat(Browsers.submit(page, "password-form").getUrl().getPath()).isEqualTo("/account/second-factor");
    }

    @Test
    void aCodeWorksOnceAndAPasswordAloneOpensNothing() throws Exception {
        var account = SETUP.staff("COORDINATOR");
        HtmlPage codePage = typePassword(account.username(), TriageTestSetup.PASSWORD);
        assertThat(codePage.getUrl().getPath()).isEqualTo("/sign-in/code");
        assertThat(browser.<HtmlPage>getPage(url("/queue")).getUrl().getPath()).isEqualTo("/sign-in/code");
        // Someone with only the password cannot replace the enrolled factor with their own.
        assertThat(browser.<HtmlPage>getPage(url("/account/second-factor"))
                        .getUrl()
                        .getPath())
                .isEqualTo("/sign-in/code");
        assertThat(browser.getPage(url("/account/second-factor/qr.svg"))
                        .getWebResponse()
                        .getStatusCode())
                .isEqualTo(404);

        String code = account.nextCode();
        codePage.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("code").type(code);
        TriageTestSetup.signOut(Browsers.submit(codePage, "code-form"));

        HtmlPage again = typePassword(account.username(), TriageTestSetup.PASSWORD);
        again.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("code").type(code);
        HtmlPage replayed = Browsers.submit(again, "code-form");
        assertThat(replayed.asNormalizedText()).contains("That code was already used");
        assertThat(replayed.getUrl().getPath()).isEqualTo("/sign-in/code");
        // Each step's entry is committed, the replay's in the same transaction as its refused claim.
        List<String> actions = new java.util.ArrayList<>();
        try (var owner = SETUP.database.connectAsOwner();
                var rs = owner.createStatement()
                        .executeQuery("SELECT action FROM audit_entry WHERE actor = '" + account.username()
                                + "' ORDER BY sequence")) {
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
        }
        assertThat(actions)
                .containsSubsequence(
                        "PASSWORD_ACCEPTED", "SIGN_IN", "SIGN_OUT", "PASSWORD_ACCEPTED", "SECOND_FACTOR_REUSED");
    }

    @Test
    void fiveWrongCodesThrowThePendingSignInAway() throws Exception {
        var account = SETUP.staff("COORDINATOR");
        HtmlPage page = typePassword(account.username(), TriageTestSetup.PASSWORD);
        for (int i = 0; i < 5; i++) {
            page.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("code").type("12345" + i);
            page = Browsers.submit(page, "code-form");
        }
        assertThat(page.getUrl().getPath()).isEqualTo("/login");
        assertThat(page.asNormalizedText()).contains("Too many wrong codes");
        assertThat(browser.<HtmlPage>getPage(url("/sign-in/code")).getUrl().getPath())
                .isEqualTo("/login");
    }

    @Test
    void repeatedWrongPasswordsMakeTheAccountWaitEvenForTheRightOne() throws Exception {
        var account = SETUP.staff("COORDINATOR");
        for (int i = 0; i < 3; i++) {
            assertThat(typePassword(account.username(), "wrong guess number " + i)
                            .asNormalizedText())
                    .contains("The username or password is wrong.");
        }
        HtmlPage refused = typePassword(account.username(), TriageTestSetup.PASSWORD);
        assertThat(refused.asNormalizedText()).contains("Too many attempts");
        assertThat(failedSignIns(account.id())).isEqualTo(3);
        // Unknown names are slowed the same way, so the answer does not tell which usernames exist.
        for (int i = 0; i < 3; i++) {
            typePassword("nobody-by-this-name", "wrong guess number " + i);
        }
        assertThat(typePassword("nobody-by-this-name", "anything at all").asNormalizedText())
                .contains("Too many attempts");
    }

    private HtmlPage typePassword(String username, String password) throws Exception {
        HtmlPage login = browser.getPage(url("/login"));
        login.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("username").type(username);
        login.<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("password")
                .type(password);
        return Browsers.submit(login, "login-form");
    }

    private int failedSignIns(UUID staffId) throws SQLException {
        return SETUP.count("SELECT failed_sign_ins FROM staff WHERE id = ?", staffId);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
