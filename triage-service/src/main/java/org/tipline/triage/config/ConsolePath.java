package org.tipline.triage.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The page being shown, for the header's language switch to come back to, with the query of a filtered list (the
 * queue, a search, the audit trail). Only a page reached by GET: after a POST the switch returns to the start page
 * rather than to an address that answers only to forms.
 */
@ControllerAdvice
class ConsolePath {

    /**
     * Pages whose query is a filter the person set. Any other page's query stays out of the page: a link planted in a
     * tip ("/tips/…/link?url=https://phish.example") must not be written back into what the console shows.
     */
    private static final Set<String> FILTERED = Set.of("/queue", "/search", "/audit");

    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return "/";
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null || !FILTERED.contains(path)
                ? path
                : path + "?" + request.getQueryString();
    }
}
