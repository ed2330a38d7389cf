package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerMapping;
import org.tipline.triage.tips.Assignees;
import org.tipline.triage.tips.KeyNotUnlockedException;
import org.tipline.triage.tips.PdfPages;
import org.tipline.triage.tips.TipNotFoundException;
import org.tipline.triage.tips.TipShreddedException;
import org.tipline.triage.tips.TipStateConflict;

/**
 * What the tips pages answer when a tip or file cannot be shown or changed: the problem page with a status and a
 * sentence from the console's messages. Requests about a tip's file ({@code attachmentId} in the path) are worded
 * for the file.
 */
@ControllerAdvice(basePackageClasses = TipsWebAdvice.class)
@RequiredArgsConstructor
class TipsWebAdvice {

    private final TipPageModel page;
    private final Assignees assignees;

    @ExceptionHandler({TipNotFoundException.class, PdfPages.Unshowable.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(HttpServletRequest request, Locale locale, Model model) {
        return page.problem(aboutFile(request) ? "file.problem.notFound" : "tip.problem.notFound", locale, model);
    }

    @ExceptionHandler({KeyNotUnlockedException.class, TipShreddedException.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String cannotDecrypt(RuntimeException e, HttpServletRequest request, Locale locale, Model model) {
        if (aboutFile(request)) {
            return page.problem("file.problem.noKey", locale, model);
        }
        if (e instanceof TipShreddedException) {
            return page.problem("tip.problem.shredded", locale, model);
        }
        UUID tipId = UUID.fromString(pathVariables(request).get("id"));
        model.addAttribute(
                "message",
                page.message("tip.problem.noKey", locale, page.message(assignees.whoCanGrant(tipId), locale)));
        return "problem";
    }

    @ExceptionHandler(TipStateConflict.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(Locale locale, Model model) {
        return page.problem("tip.problem.conflict", locale, model);
    }

    @ExceptionHandler(PdfPages.Busy.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String busy(Locale locale, Model model) {
        return page.problem("file.problem.busy", locale, model);
    }

    private static boolean aboutFile(HttpServletRequest request) {
        return pathVariables(request).containsKey("attachmentId");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables == null ? Map.of() : variables;
    }
}
