package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlPasswordInput;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.crypto.Totp;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;

/** An administrator adds a coordinator, who sets up their sign-in, and a key holder grants them the tip-line key. */
@TriageIntegrationTest
class StaffAdministrationIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    @Test
    void aNewCoordinatorReadsTipsOnlyOnceAKeyHolderGrantsTheKey() throws Exception {
        UUID tipId =
                SETUP.fileTip(TipAnswers.builder().location("Granted Gardens").build());
        var admin = SETUP.staff("ADMIN");
        String username = "newcomer-" + System.nanoTime() % 100000;
        String temporary;
        try (WebClient adminBrowser = Browsers.withoutJavaScript()) {
            HtmlPage staff = admin.signIn(adminBrowser, url(""));
            assertThat(staff.getUrl().getPath()).isEqualTo("/admin/staff");
            staff.<HtmlTextInput>getHtmlElementById("new-username").type(username);
            staff.<HtmlTextInput>getHtmlElementById("new-display-name").type("New Coordinator");
            staff.<HtmlCheckBoxInput>getHtmlElementById("new-role-COORDINATOR").setChecked(true);
            HtmlPage created = Browsers.submit(staff, "create-staff-form");
            temporary = created.getHtmlElementById("one-time-password")
                    .getElementsByTagName("code")
                    .get(0)
                    .getTextContent();
            assertThat(temporary).hasSize(20);
            // Shown once only.
            assertThat(adminBrowser.<HtmlPage>getPage(url("/admin/staff")).getElementById("one-time-password"))
                    .isNull();

            HtmlPage duplicate = adminBrowser.getPage(url("/admin/staff"));
            duplicate.<HtmlTextInput>getHtmlElementById("new-username").type(username);
            duplicate.<HtmlTextInput>getHtmlElementById("new-display-name").type("Someone Else");
            duplicate
                    .<HtmlCheckBoxInput>getHtmlElementById("new-role-SUPERVISOR")
                    .setChecked(true);
            HtmlPage refused = Browsers.submit(duplicate, "create-staff-form");
            assertThat(refused.getHtmlElementById("admin-error").getTextContent())
                    .contains("already an account");
            assertThat(refused.<HtmlTextInput>getHtmlElementById("new-display-name")
                            .getValue())
                    .isEqualTo("Someone Else");
        }

        String chosen = "granite willow ferry lantern";
        byte[] secret;
        try (WebClient newcomer = Browsers.withoutJavaScript()) {
            HtmlPage passwordPage = typePassword(newcomer, username, temporary);
            passwordPage.<HtmlPasswordInput>getHtmlElementById("password").type(chosen);
            passwordPage.<HtmlPasswordInput>getHtmlElementById("confirmation").type(chosen);
            HtmlPage enrol = Browsers.submit(passwordPage, "password-form");
            secret = Totp.fromBase32(enrol.getHtmlElementById("totp-secret").getTextContent());
            enrol.<HtmlTextInput>getHtmlElementById("code").type(Totp.code(secret, Instant.now()));
            assertThat(Browsers.submit(enrol, "enrol-form").getUrl().getPath()).isEqualTo("/queue");
            assertThat(newcomer.getPage(url("/tips/" + tipId)).getWebResponse().getStatusCode())
                    .isEqualTo(403);
        }

        var holder = SETUP.staff("COORDINATOR");
        try (WebClient holderBrowser = Browsers.withoutJavaScript()) {
            holder.signIn(holderBrowser, url(""));
            HtmlPage keys = holderBrowser.getPage(url("/keys"));
            HtmlPage granted = keys.getHtmlElementById("grant-" + username).click();
            assertThat(granted.asNormalizedText()).contains("Granted.");
        }

        try (WebClient newcomer = Browsers.withoutJavaScript()) {
            HtmlPage code = typePassword(newcomer, username, chosen);
            code.<HtmlTextInput>getHtmlElementById("code")
                    .type(Totp.code(secret, Totp.step(Instant.now()) + 1, Totp.DIGITS));
            Browsers.submit(code, "code-form");
            HtmlPage tip = newcomer.getPage(url("/tips/" + tipId));
            assertThat(tip.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(tip.getHtmlElementById("answer-location").getTextContent())
                    .isEqualTo("Granted Gardens");
        }

        try (WebClient adminBrowser = Browsers.withoutJavaScript()) {
            HtmlPage staff = admin.signIn(adminBrowser, url(""));
            staff.getHtmlElementById("staff-" + username)
                    .getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            HtmlPage after = adminBrowser.getPage(url("/admin/staff"));
            HtmlPage disabled = after
                    .getHtmlElementById("staff-" + username)
                    .getByXPath(".//form[contains(@action,'/enabled')]//button")
                    .stream()
                    .map(b -> (org.htmlunit.html.HtmlButton) b)
                    .findFirst()
                    .orElseThrow()
                    .click();
            assertThat(disabled.getHtmlElementById("staff-" + username).asNormalizedText())
                    .contains("no");
        }
        try (WebClient newcomer = Browsers.withoutJavaScript()) {
            assertThat(typePassword(newcomer, username, chosen).asNormalizedText())
                    .contains("The username or password is wrong.");
        }
        assertThat(auditActions()).contains("STAFF_CREATED", "KEY_GRANTED", "STAFF_DISABLED");
    }

    @Test
    void resettingALostSecondFactorKeepsTheKeysAndAsksForANewPasswordAndEnrolment() throws Exception {
        UUID tipId =
                SETUP.fileTip(TipAnswers.builder().location("Kept Key Court").build());
        var admin = SETUP.staff("ADMIN");
        var coordinator = SETUP.staff("COORDINATOR");
        try (WebClient adminBrowser = Browsers.withoutJavaScript()) {
            HtmlPage staff = admin.signIn(adminBrowser, url(""));
            HtmlPage reset = staff
                    .getHtmlElementById("staff-" + coordinator.username())
                    .getByXPath(".//form[contains(@action,'/second-factor')]//button")
                    .stream()
                    .map(b -> (org.htmlunit.html.HtmlButton) b)
                    .findFirst()
                    .orElseThrow()
                    .click();
            assertThat(reset.asNormalizedText()).contains("Saved.");
        }
        try (WebClient browser = Browsers.withoutJavaScript()) {
            HtmlPage passwordPage = typePassword(browser, coordinator.username(), TriageTestSetup.PASSWORD);
            assertThat(passwordPage.getUrl().getPath()).isEqualTo("/account/password");
            String chosen = "orchard copper violin tide";
            passwordPage.<HtmlPasswordInput>getHtmlElementById("password").type(chosen);
            passwordPage.<HtmlPasswordInput>getHtmlElementById("confirmation").type(chosen);
            HtmlPage enrol = Browsers.submit(passwordPage, "password-form");
            byte[] secret =
                    Totp.fromBase32(enrol.getHtmlElementById("totp-secret").getTextContent());
            enrol.<HtmlTextInput>getHtmlElementById("code").type(Totp.code(secret, Instant.now()));
            assertThat(Browsers.submit(enrol, "enrol-form").getUrl().getPath()).isEqualTo("/queue");
            assertThat(browser.getPage(url("/tips/" + tipId)).getWebResponse().getStatusCode())
                    .isEqualTo(200);
        }
        assertThat(auditActions()).contains("STAFF_SECOND_FACTOR_RESET");
    }

    @Test
    void disablingAnAccountEndsItsOpenSessionAtTheNextRequest() throws Exception {
        assertAdministratorEndsACoordinatorsSession("enabled", "This account has been disabled.");
    }

    @Test
    void resettingAnAccountsSecondFactorEndsItsOpenSessionAtTheNextRequest() throws Exception {
        assertAdministratorEndsACoordinatorsSession("second-factor", "An administrator reset this account's sign-in.");
    }

    /**
     * A signed-in coordinator's next request after an administrator presses the {@code action} button for them lands
     * on the sign-in page with {@code message}; the administrator's own session goes on.
     */
    private void assertAdministratorEndsACoordinatorsSession(String action, String message) throws Exception {
        var coordinator = SETUP.staff("COORDINATOR");
        var admin = SETUP.staff("ADMIN");
        try (WebClient coordinatorBrowser = Browsers.withoutJavaScript();
                WebClient adminBrowser = Browsers.withoutJavaScript()) {
            coordinator.signIn(coordinatorBrowser, url(""));
            assertThat(coordinatorBrowser
                            .<HtmlPage>getPage(url("/queue"))
                            .getUrl()
                            .getPath())
                    .isEqualTo("/queue");

            HtmlPage staff = admin.signIn(adminBrowser, url(""));
            org.htmlunit.html.HtmlForm form =
                    staff.getFirstByXPath("//form[contains(@action, '" + coordinator.id() + "/" + action + "')]");
            form.getOneHtmlElementByAttribute("button", "type", "submit").click();

            HtmlPage after = coordinatorBrowser.getPage(url("/queue"));
            assertThat(after.getUrl().getPath()).isEqualTo("/login");
            assertThat(after.asNormalizedText()).contains(message);
            assertThat(adminBrowser
                            .<HtmlPage>getPage(url("/admin/staff"))
                            .getUrl()
                            .getPath())
                    .as("the administrator's own session goes on")
                    .isEqualTo("/admin/staff");
        }
    }

    @Test
    void startingTheConsoleRecordsItsSecuritySettings() throws Exception {
        try (var owner = SETUP.database.connectAsOwner();
                var rs = owner.createStatement()
                        .executeQuery("SELECT detail FROM audit_entry WHERE action = 'CONFIGURATION_CHANGED'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1))
                    .contains("tipline.triage.retention.closed=P365D")
                    .contains("checkpoint-key=none");
        }
    }

    private HtmlPage typePassword(WebClient browser, String username, String password) throws Exception {
        HtmlPage login = browser.getPage(url("/login"));
        login.<HtmlTextInput>getHtmlElementById("username").type(username);
        login.<HtmlPasswordInput>getHtmlElementById("password").type(password);
        return Browsers.submit(login, "login-form");
    }

    private static List<String> auditActions() throws SQLException {
        try (var owner = SETUP.database.connectAsOwner();
                var rs = owner.createStatement().executeQuery("SELECT action FROM audit_entry ORDER BY sequence")) {
            List<String> actions = new java.util.ArrayList<>();
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
            return actions;
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
