package org.tipline.intake;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.testsupport.Chromium;

/** A browser test class of the public pages: one Chromium with a phone's window for the class, and the app's port. */
abstract class PublicPagesInChromium {

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        browser = Chromium.start("--disable-quic", "--window-size=390,844");
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    WebElement waitFor(By locator) {
        // Long enough for the browser's proof of work on a loaded CI machine; its speed is a benchmark's business.
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(locator));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
