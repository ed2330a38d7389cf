package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Chromium;

/**
 * Every console page this work put into the messages, in Chromium, in English and in Spanish: a staff member whose
 * browser asks for English switches to Spanish with the header's form (no script needed), sees Spanish on every page
 * and no English in the menu, and still gets Spanish after signing out and in again. The sign-in pages follow the
 * browser's language. axe-core finds no violation on any of them; the e2e profile keeps a screenshot of each.
 */
@TriageIntegrationTest
class ConsoleLanguageBrowserIT {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    private static final List<String> ENGLISH_MENU = List.of(
            "Queue",
            "Search",
            "New tip",
            "Key grants",
            "Audit trail",
            "Dashboard",
            "Retention",
            "Password",
            "Passkeys",
            "Sign out");

    @LocalServerPort
    int port;

    private final List<String> violations = new ArrayList<>();

    @Test
    void aStaffMemberSwitchesTheWholeConsoleToSpanishAndKeepsIt() throws Exception {
        var everyRole = SETUP.staff("COORDINATOR", "SUPERVISOR", "ADMIN");
        UUID tip = SETUP.fileTip(TipAnswers.builder()
                .location("Calle Mayor 3")
                .details("https://x.example")
                .build());

        var noRole = SETUP.staff("SUPERVISOR");
        try (var owner = SETUP.database.connectAsOwner()) {
            owner.createStatement().executeUpdate("DELETE FROM staff_role WHERE staff_id = '" + noRole.id() + "'");
        }
        var withFile =
                SETUP.fileSealedTip(TipAnswers.builder().location("Muelle 4").build());
        assertThat(SETUP.tipsterAttaches(
                        withFile.receipt(), "application/pdf", TipHandlingIntegrationTest.twoPagePdf()))
                .isEqualTo("ADDED");

        firstSignIn(
                "es",
                noRole,
                "Iniciar sesión",
                "Elija su propia contraseña",
                "Configure su código de seguridad",
                "Código de seguridad",
                "Le damos la bienvenida");
        ChromeDriver browser = Chromium.start(Map.of("intl.accept_languages", "en"), "--lang=en");
        try {
            firstSignIn(
                    browser,
                    "en",
                    noRole,
                    "Sign in",
                    "Choose your own password",
                    "Set up your security code",
                    "Security code",
                    "Welcome");
            browser.manage().deleteAllCookies();
            ChromiumConsole.signIn(browser, url(""), everyRole);
            browser.get(url("/tips/" + withFile.id()));
            String document = URI.create(browser.findElement(By.cssSelector("a[href*='/attachments/'][href$='/view']"))
                            .getAttribute("href"))
                    .getRawPath();

            Map<String, String[]> pages = pages(tip, document);
            pages.forEach((path, headings) -> visit(browser, path, "en", headings[0]));

            browser.get(url("/search"));
            new Select(browser.findElement(By.id("console-language"))).selectByValue("es");
            ChromiumConsole.submitAndWaitForReload(browser, By.cssSelector("#language-form button"));
            ChromiumConsole.waitForPath(browser, "/search");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Buscar avisos");
            pages.forEach((path, headings) -> visit(browser, path, "es", headings[1]));

            browser.get(url("/audit"));
            assertThat(browser.findElement(By.id("audit")).getText())
                    .contains("Inició sesión", "Cambió el idioma de la consola")
                    .doesNotContain("SIGN_IN", "LANGUAGE_CHANGED");
            browser.get(url("/dashboard"));
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains("Avisos por urgencia", "Formulario web")
                    .doesNotContain("STANDARD");

            // The choice is the person's, not the browser's: after signing out the sign-in page is English again,
            // and once signed in the console is Spanish while the browser still asks for English.
            browser.findElement(By.cssSelector("#logout-form button")).click();
            ChromiumConsole.waitForPath(browser, "/login");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
            ChromiumConsole.signIn(browser, url(""), everyRole);
            assertThat(menu(browser)).contains("Cola", "Cerrar sesión");
            browser.get(url("/search"));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("es");
        } finally {
            browser.quit();
        }
        assertThat(violations).isEmpty();
    }

    /** Each page with its heading in English and in Spanish. */
    private Map<String, String[]> pages(UUID tip, String document) {
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("/search", new String[] {"Search tips", "Buscar avisos"});
        pages.put("/calls/new", new String[] {"New tip from a call", "Nuevo aviso por llamada"});
        pages.put(
                "/keys",
                new String[] {"Colleagues waiting for the tip-line key", "Colegas que esperan la clave de la línea"});
        pages.put("/account/password", new String[] {"Change your password", "Cambie su contraseña"});
        pages.put("/account/passkeys", new String[] {"Passkeys", "Llaves de acceso"});
        pages.put("/audit", new String[] {"Audit trail", "Registro de auditoría"});
        pages.put("/dashboard", new String[] {"Dashboard", "Panel"});
        pages.put("/retention", new String[] {"Retention and legal holds", "Conservación y retenciones legales"});
        pages.put("/admin/staff", new String[] {"Staff accounts", "Cuentas del personal"});
        pages.put(
                "/tips/" + tip + "/link?n=0",
                new String[] {"You are about to open an outside site", "Está a punto de abrir un sitio externo"});
        pages.put(
                document,
                new String[] {"Document from the tipster, page 1 of 2", "Documento del informante, página 1 de 2"});
        pages.put("/tips/" + UUID.randomUUID(), new String[] {"That did not work", "Eso no funcionó"});
        pages.put("/no-such-page", new String[] {"Not allowed", "No permitido"});
        return pages;
    }

    private void visit(ChromeDriver browser, String path, String language, String heading) {
        browser.get(url(path));
        String name = path.equals("/no-such-page")
                ? "error"
                : path.replaceAll("[0-9a-f-]{36}", "id")
                        .replaceAll("[^a-z]+", "-")
                        .replaceAll("^-|-$", "");
        check(browser, name, language, heading);
        if (!path.equals("/no-such-page")) {
            if (language.equals("en")) {
                assertThat(menu(browser)).as(path).contains(ENGLISH_MENU);
            } else {
                assertThat(menu(browser)).as(path).doesNotContain(ENGLISH_MENU);
            }
        }
        if (path.equals("/calls/new")) {
            browser.findElement(By.id("location")).sendKeys("Motel de la Ruta 1");
            browser.findElement(By.id("file-call")).click();
            ChromiumConsole.waitForPath(browser, "/calls");
            check(browser, "call-filed", language, language.equals("en") ? "Tip filed" : "Aviso registrado");
        }
    }

    /**
     * The sign-in pages in one language: a new account's sign-in, first password and code enrolment, then an enrolled
     * account without a role through the code page to the page that says it has none.
     */
    private void firstSignIn(String language, TriageTestSetup.StaffAccount enrolled, String... headings)
            throws Exception {
        ChromeDriver browser = Chromium.start(Map.of("intl.accept_languages", language), "--lang=" + language);
        try {
            firstSignIn(browser, language, enrolled, headings);
        } finally {
            browser.quit();
        }
    }

    private void firstSignIn(
            ChromeDriver browser, String language, TriageTestSetup.StaffAccount enrolled, String... headings)
            throws Exception {
        var newcomer = SETUP.newAccount("SUPERVISOR");
        browser.get(url("/login"));
        check(browser, "login", language, headings[0]);
        ChromiumConsole.typePassword(browser, url(""), newcomer);
        ChromiumConsole.waitForPath(browser, "/account/password");
        check(browser, "first-password", language, headings[1]);
        browser.findElement(By.id("password")).sendKeys("lantern orchard copper violin");
        browser.findElement(By.id("confirmation")).sendKeys("lantern orchard copper violin");
        browser.findElement(By.cssSelector("#password-form button")).click();
        ChromiumConsole.waitForPath(browser, "/account/second-factor");
        check(browser, "enrol-second-factor", language, headings[2]);
        browser.manage().deleteAllCookies();
        ChromiumConsole.typePassword(browser, url(""), enrolled);
        ChromiumConsole.waitForPath(browser, "/sign-in/code");
        check(browser, "sign-in-code", language, headings[3]);
        browser.findElement(By.id("code")).sendKeys(enrolled.nextCode());
        browser.findElement(By.cssSelector("#code-form button")).click();
        ChromiumConsole.waitForPath(browser, "/");
        check(browser, "home", language, headings[4]);
    }

    /** The page is in the language, with the heading expected; axe runs on it and a screenshot is kept. */
    private void check(ChromeDriver browser, String name, String language, String heading) {
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                .as(name)
                .isEqualTo(language);
        assertThat(browser.findElement(By.tagName("h1")).getText()).as(name).isEqualTo(heading);
        violations.addAll(Chromium.axe(browser, name + " " + language));
        try {
            Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(
                    screenshots.resolve("console-" + name + "-" + language + ".png"),
                    browser.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String menu(ChromeDriver browser) {
        return browser.findElement(By.cssSelector(".console-header nav")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
