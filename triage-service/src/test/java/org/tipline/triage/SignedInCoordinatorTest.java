package org.tipline.triage;

import org.htmlunit.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.testsupport.Browsers;

/**
 * For console tests over real HTTP: before each test a new coordinator of the class's {@code TriageTestSetup} signs in
 * with password and one-time code in a browser without JavaScript; the browser is closed after the test.
 */
abstract class SignedInCoordinatorTest {

    @LocalServerPort
    int port;

    WebClient browser;
    TriageTestSetup.StaffAccount coordinator;

    @BeforeEach
    void signInCoordinator() throws Exception {
        coordinator = TriageTestContext.setupOf(getClass()).staff("COORDINATOR");
        browser = Browsers.withoutJavaScript();
        coordinator.signIn(browser, url(""));
    }

    @AfterEach
    void closeCoordinatorsBrowser() {
        browser.close();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
