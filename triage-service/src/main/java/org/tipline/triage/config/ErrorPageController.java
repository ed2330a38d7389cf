package org.tipline.triage.config;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The console's error page, in HTML whatever the request asked for: no JSON body naming exceptions or paths. Asked
 * for directly, {@code /error} is simply a page that does not exist.
 */
@Controller
class ErrorPageController implements ErrorController {

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given && given >= 400 ? given : HttpServletResponse.SC_NOT_FOUND;
        response.setStatus(status);
        model.addAttribute("status", status);
        // A 503 is the sign-in's load refusal (ADR 18), whose page says why and when to come back.
        return status == HttpServletResponse.SC_SERVICE_UNAVAILABLE ? "error/503" : "error";
    }
}
