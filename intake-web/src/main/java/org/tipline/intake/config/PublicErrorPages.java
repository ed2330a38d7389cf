package org.tipline.intake.config;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the application answers is one of our HTML pages, in the tipster's language, with the public headers:
 * never Spring's JSON body, never a stack trace. Only a status and an exception's class are ever logged, since an
 * exception's message can quote what a request sent.
 */
@Controller
class PublicErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(PublicErrorPages.class);
    /** Statuses with their own explanation; any other gets the general one. */
    private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405);

    /** Where the servlet container forwards an error; asked for directly, there is nothing here. */
    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer given && given >= 400 ? given : HttpStatus.NOT_FOUND.value();
        response.setStatus(code);
        return page(code, model);
    }

    static String page(int status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("explanation", EXPLAINED.contains(status) ? "error.body." + status : "error.body");
        return "error";
    }

    /**
     * The last resort, after Spring's own resolvers have turned what they know into 4xx answers: our 500 page instead
     * of the container's, which would also log the exception's message. Logged by class only.
     */
    @Component
    static class UnexpectedFailure implements HandlerExceptionResolver, Ordered {

        private final PublicPageModel page;
        private final LocaleResolver locales;

        UnexpectedFailure(PublicPageModel page, LocaleResolver locales) {
            this.page = page;
            this.locales = locales;
        }

        @Override
        public ModelAndView resolveException(
                HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
            log.error("Request failed with {}", e.getClass().getName());
            var model = new ExtendedModelMap();
            page.addTo(model, locales.resolveLocale(request));
            response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
            return new ModelAndView(page(HttpStatus.INTERNAL_SERVER_ERROR.value(), model), model.asMap());
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
