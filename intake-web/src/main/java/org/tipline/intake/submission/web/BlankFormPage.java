package org.tipline.intake.submission.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.tipline.intake.submission.SubmissionTokens;
import org.tipline.model.crypto.Bytes;
import org.tipline.model.guidance.Guidance;

/**
 * The blank form, rendered through Thymeleaf once per language and then served with a fresh submission token spliced
 * in. Every tipster loads it before filing, and rendering it was the largest share of a tip's CPU (docs/benchmarks.md).
 * Nothing on it depends on the request but the language and the token, and the slot for the token is a random string
 * no seed text contains; a page that does not show it exactly once is never cached.
 */
@Component
@RequiredArgsConstructor
class BlankFormPage {

    private static final String TOKEN_SLOT = "token-slot-" + HexFormat.of().formatHex(Bytes.random(16));

    private final ThymeleafViewResolver views;
    private final SubmissionTokens tokens;
    private final Guidance guidance;
    private final Map<String, String[]> pages = new ConcurrentHashMap<>();

    /** Writes the page, as the view would have: same headers, same bytes, a token issued just now. */
    void write(Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String[] page = pages.get(locale.getLanguage());
        if (page == null) {
            page = render(model, locale, request, response);
            pages.putIfAbsent(locale.getLanguage(), page);
        }
        response.setLocale(locale);
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.write(page[0]);
        out.write(tokens.issue());
        out.write(page[1]);
    }

    private String[] render(Model model, Locale locale, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        Map<String, Object> attributes = new HashMap<>(model.asMap());
        attributes.putAll(
                FormStep.WHERE.page(TipForm.empty(guidance.deployment().city(), TOKEN_SLOT), Map.of()));
        StringWriter html = new StringWriter();
        PrintWriter into = new PrintWriter(html);
        View form = views.resolveViewName("form", locale);
        form.render(attributes, request, new HttpServletResponseWrapper(response) {
            @Override
            public PrintWriter getWriter() {
                return into;
            }

            @Override
            public void flushBuffer() {
                into.flush();
            }
        });
        into.flush();
        String text = html.toString();
        int slot = text.indexOf(TOKEN_SLOT);
        if (slot < 0 || text.indexOf(TOKEN_SLOT, slot + 1) >= 0) {
            throw new IllegalStateException("the form page must show its submission token exactly once");
        }
        return new String[] {text.substring(0, slot), text.substring(slot + TOKEN_SLOT.length())};
    }
}
