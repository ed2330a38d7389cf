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

    /**
     * Files a tip as a tipster does: presses "Review before sending" on the tip form, then "Send the tip" on the
     * review page. Returns the page that follows, or the form again when it had errors.
     */
    public static HtmlPage sendTip(HtmlPage form) throws IOException {
        HtmlPage next = submit(form, "tip-form");
        return next.getElementById("review-form") == null ? next : submit(next, "review-form");
    }

    /** Presses the form's first submit button, as a person would. */
    public static HtmlPage submit(HtmlPage page, String formId) throws IOException {
        return page.<HtmlForm>getHtmlElementById(formId)
                .getOneHtmlElementByAttribute("button", "type", "submit")
                .click();
    }
}
