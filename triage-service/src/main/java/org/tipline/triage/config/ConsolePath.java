package org.tipline.triage.config;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The page being shown with its query (the queue's filters, a search), for the header's language switch to come back
 * to. Only a page reached by GET: after a POST
 * the switch returns to the start page rather than to an address that answers only to forms.
 */
@ControllerAdvice
class ConsolePath {

    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return "/";
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }
}
