package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.tipline.testsupport.Browsers;

/**
 * The header's language switch over real HTTP: the choice is saved on the staff row and audited, wins over the
 * browser's Accept-Language on every page after, and the endpoint refuses a missing CSRF token, a language the seeds
 * do not list, an anonymous visitor and a return address on another site.
 */
@TriageIntegrationTest
class ConsoleLanguageIntegrationTest extends SignedInCoordinatorTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @Test
    void theBrowsersLanguageRulesUntilAChoiceIsSavedThenTheChoiceDoes() throws Exception {
        browser.addRequestHeader("Accept-Language", "es");
        HtmlPage spanish = browser.getPage(url("/search"));
        assertThat(spanish.getDocumentElement().getAttribute("lang")).isEqualTo("es");
        assertThat(spanish.getElementById("language-form").asNormalizedText()).contains("Idioma");

        browser.addRequestHeader("Accept-Language", "en-US,en;q=0.9");
        HtmlPage english = browser.getPage(url("/search"));
        assertThat(english.getDocumentElement().getAttribute("lang")).isEqualTo("en");

        english.<HtmlSelect>getHtmlElementById("console-language").setSelectedAttribute("es", true);
        HtmlPage chosen = Browsers.submit(english, "language-form");

        assertThat(chosen.getUrl().getPath()).isEqualTo("/search");
        assertThat(chosen.getDocumentElement().getAttribute("lang")).isEqualTo("es");
        assertThat(chosen.getElementsByTagName("nav").get(0).asNormalizedText())
                .contains("Cola", "Buscar", "Cerrar sesión")
                .doesNotContain("Queue", "Sign out");
        assertThat(SETUP.text("SELECT language FROM staff WHERE id = ?", coordinator.id()))
                .isEqualTo("es");
        assertThat(SETUP.text(
                        "SELECT detail FROM audit_entry WHERE actor = ? AND action = 'LANGUAGE_CHANGED'",
                        coordinator.username()))
                .isEqualTo("language=es");

        // Signed out, the sign-in page follows the browser again; signed in, the saved choice wins over it.
        HtmlPage signedOut = Browsers.submit(chosen, "logout-form");
        assertThat(signedOut.getDocumentElement().getAttribute("lang")).isEqualTo("en");
        coordinator.signIn(browser, url(""));
        HtmlPage again = browser.getPage(url("/search"));
        assertThat(again.getDocumentElement().getAttribute("lang")).isEqualTo("es");
        assertThat(again.getElementsByTagName("h1").get(0).asNormalizedText()).isEqualTo("Buscar avisos");
    }

    @Test
    void aChangeNeedsTheCsrfTokenAndALanguageTheSeedsList() throws Exception {
        HtmlPage page = browser.getPage(url("/search"));
        String csrf = page.getElementsByName("_csrf").get(0).getAttribute("content");

        assertThat(post(browser, "language=es").getStatusCode()).isEqualTo(403);
        assertThat(post(browser, "_csrf=" + csrf + "&language=fr").getStatusCode())
                .isEqualTo(400);
        assertThat(post(browser, "_csrf=" + csrf + "&language=").getStatusCode())
                .isEqualTo(400);
        assertThat(SETUP.text("SELECT coalesce(language, 'none') FROM staff WHERE id = ?", coordinator.id()))
                .isEqualTo("none");

        browser.getOptions().setRedirectEnabled(false);
        for (String back : new String[] {
            "//evil.example/x", "/..//evil.example", "/queue/../../evil", "/\\evil", "/queue?a=b%0D%0AX:y"
        }) {
            WebResponse elsewhere = post(browser, "_csrf=" + csrf + "&language=en&back=" + back.replace("\\", "%5C"));
            assertThat(elsewhere.getStatusCode()).as(back).isEqualTo(302);
            assertThat(elsewhere.getResponseHeaderValue("Location")).as(back).isEqualTo(url("/"));
        }
        WebResponse home = post(browser, "_csrf=" + csrf + "&language=en&back=/tips/1a2b");
        assertThat(home.getResponseHeaderValue("Location")).isEqualTo(url("/tips/1a2b"));
        // The queue's filters come back with it.
        WebResponse filtered = post(browser, "_csrf=" + csrf + "&language=en&back=%2Fqueue%3Fstatus%3DNEW%26page%3D1");
        assertThat(filtered.getResponseHeaderValue("Location")).isEqualTo(url("/queue?status=NEW&page=1"));
        assertThat(SETUP.text("SELECT language FROM staff WHERE id = ?", coordinator.id()))
                .isEqualTo("en");
    }

    @Test
    void anAnonymousVisitorIsSentToSignIn() throws Exception {
        try (WebClient anonymous = Browsers.withoutJavaScript()) {
            HtmlPage login = anonymous.getPage(url("/login"));
            String csrf = login.getElementsByName("_csrf").get(0).getAttribute("content");
            anonymous.getOptions().setRedirectEnabled(false);

            WebResponse response = post(anonymous, "_csrf=" + csrf + "&language=es");

            assertThat(response.getStatusCode()).isEqualTo(302);
            assertThat(response.getResponseHeaderValue("Location")).endsWith("/login");
        }
    }

    private WebResponse post(WebClient client, String body) throws Exception {
        var request = new WebRequest(new URL(url("/account/language")), HttpMethod.POST);
        request.setRequestBody(body);
        request.setAdditionalHeader("Content-Type", "application/x-www-form-urlencoded");
        return client.loadWebResponse(request);
    }
}
