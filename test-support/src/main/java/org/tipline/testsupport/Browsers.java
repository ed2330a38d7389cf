package org.tipline.testsupport;

import java.io.IOException;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
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
     * Files a tip as a tipster does: walks the tip form's pages with its main button ("Next", then "Review before
     * sending"), then presses "Send the tip" on the review page. Returns the page that follows, or the form page that
     * had errors.
     */
    public static HtmlPage sendTip(HtmlPage form) throws IOException {
        HtmlPage next = review(form);
        if (next.getElementById("review-form") == null) {
            return next;
        }
        HtmlPage sent = submit(next, "review-form");
        // Without JavaScript a tip can be sent only after a wait (ADR 17); a tipster told to wait does, then sends.
        for (int attempt = 0; attempt < 3 && sent.getElementById("send-again") != null; attempt++) {
            long seconds = Long.parseLong(sent.getElementById("send-again").getAttribute("data-seconds"));
            try {
                Thread.sleep(seconds * 1000 + 500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            }
            sent = submit(sent, "review-form");
        }
        return sent;
    }

    /** Presses the tip form's main button on each of its pages until the review, or a page that shows errors. */
    public static HtmlPage review(HtmlPage form) throws IOException {
        HtmlPage page = form;
        for (int i = 0; i < 8 && page.getElementById("tip-form") != null; i++) {
            page = mainButton(page).click();
            if (page.getElementById("error-summary-title") != null) {
                return page;
            }
        }
        return page;
    }

    /** Presses "Next" on the tip form until its page shows the field with this id (the page as it is, if it does). */
    public static HtmlPage stepTo(HtmlPage form, String fieldId) throws IOException {
        HtmlPage page = form;
        for (int i = 0; i < 8 && page.getElementById(fieldId) == null && page.getElementById("next") != null; i++) {
            page = page.getHtmlElementById("next").click();
        }
        return page;
    }

    /** Goes on through the tip form's pages to the field with this id and types into it; returns that page. */
    public static HtmlPage fillIn(HtmlPage form, String fieldId, String text) throws IOException {
        HtmlPage page = stepTo(form, fieldId);
        page.getHtmlElementById(fieldId).type(text);
        return page;
    }

    private static HtmlElement mainButton(HtmlPage page) {
        return page.<HtmlForm>getHtmlElementById("tip-form").getFirstByXPath(".//button[contains(@class, 'submit')]");
    }

    /** Presses the form's first submit button, as a person would. */
    public static HtmlPage submit(HtmlPage page, String formId) throws IOException {
        return page.<HtmlForm>getHtmlElementById(formId)
                .getOneHtmlElementByAttribute("button", "type", "submit")
                .click();
    }
}
