package org.tipline.testsupport;

import java.io.IOException;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/** A browser as a tipster in Tor Browser's safest mode has it: JavaScript off. Pages with error statuses load. */
public final class Browsers {

    private Browsers() {}

    public static WebClient withoutJavaScript() {
        var browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        return browser;
    }

    /** Presses the form's submit button, as a person would. */
    public static HtmlPage submit(HtmlPage page, String formId) throws IOException {
        return page.<HtmlForm>getHtmlElementById(formId)
                .getOneHtmlElementByAttribute("button", "type", "submit")
                .click();
    }
}
