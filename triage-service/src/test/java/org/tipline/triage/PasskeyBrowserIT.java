package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.testsupport.Chromium;
import org.tipline.testsupport.Ports;

/**
 * Passkeys end to end in Chromium with a virtual authenticator: a signed-in coordinator adds one, signs out, and
 * signs in again with password and passkey, never typing a code. WebAuthn checks the page's origin, so the server
 * runs on a port chosen here and the relying party is told that origin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PasskeyBrowserIT {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    static final int PORT = Ports.free();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SETUP.register(registry);
        registry.add("server.port", () -> PORT);
        registry.add("tipline.triage.webauthn.rp-id", () -> "localhost");
        registry.add("tipline.triage.webauthn.origins", () -> "http://localhost:" + PORT);
    }

    private WebDriver browser;

    @BeforeEach
    void startChromium() throws IOException, SQLException {
        SETUP.provisionOnce();
        browser = Chromium.start();
        ((HasVirtualAuthenticator) browser)
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true));
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCoordinatorAddsAPasskeyAndSignsInWithItInsteadOfACode() throws Exception {
        var account = SETUP.staff("COORDINATOR");
        ChromiumConsole.signIn(browser, url(""), account);
        // No passkey yet: the code page offers none.

        browser.get(url("/account/passkeys"));
        browser.findElement(By.id("passkey-label")).sendKeys("Virtual key");
        browser.findElement(By.id("add-passkey")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Passkey added."));
        assertThat(browser.findElement(By.id("passkeys")).getText()).contains("Virtual key");
        assertThat(passkeyCount(account)).isEqualTo(1);

        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        ChromiumConsole.waitForPath(browser, "/login");

        ChromiumConsole.typePassword(browser, url(""), account);
        ChromiumConsole.waitForPath(browser, "/sign-in/code");
        waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("use-passkey")))
                .click();
        ChromiumConsole.waitForPath(browser, "/queue");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Queue");
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private static long passkeyCount(TriageTestSetup.StaffAccount account) throws SQLException {
        return SETUP.count(
                "SELECT count(*) FROM passkey k JOIN passkey_user u ON u.user_handle = k.user_handle "
                        + "WHERE u.staff_id = ?",
                account.id());
    }

    private static String url(String path) {
        return "http://localhost:" + PORT + path;
    }
}
