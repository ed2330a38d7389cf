package org.tipline.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless with JavaScript on and a fresh profile, and axe-core to check a page against WCAG
 * 2.2 A/AA. For the e2e profile, which .ci/run runs after installing Chromium, its driver and axe-core.
 */
public final class Chromium {

    private Chromium() {}

    /** Starts Chromium with the given command-line arguments added to the headless ones. */
    public static ChromeDriver start(String... arguments) throws IOException {
        return start(Map.of(), arguments);
    }

    /** Starts Chromium with the given preferences (downloads, languages) and command-line arguments. */
    public static ChromeDriver start(Map<String, ?> preferences, String... arguments) throws IOException {
        var options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + Files.createTempDirectory("tipline-chromium"))
                .addArguments(arguments);
        if (!preferences.isEmpty()) {
            options.setExperimentalOption("prefs", preferences);
        }
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Makes the current tab a real 390 px phone screen: headless Chromium keeps its window at least 500 px wide
     * whatever --window-size says. Tabs opened later keep the window's width.
     */
    public static void asPhone(ChromeDriver browser) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    /** The page's violations, each as "page -> rule: elements". */
    public static List<String> axe(WebDriver browser, String page) {
        var js = (JavascriptExecutor) browser;
        js.executeScript(AxeScript.TEXT);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))));
                """);
        List<String> violations = new ArrayList<>();
        for (Object violation : (List<?>) result) {
            violations.add(page + " -> " + violation);
        }
        return violations;
    }

    /** Read once, when first needed: the e2e profile says where npm installed it. */
    private static final class AxeScript {
        static final String TEXT = read();

        private static String read() {
            try {
                return Files.readString(Path.of(System.getProperty("tipline.axe.script")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
