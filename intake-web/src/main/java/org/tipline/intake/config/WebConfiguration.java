package org.tipline.intake.config;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tipline.intake.Megabytes;
import org.tipline.intake.followup.AttachmentCleaner;
import org.tipline.intake.followup.AttachmentIntake;

@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class WebConfiguration implements WebMvcConfigurer {

    private final BodySizeLimit bodySizeLimit;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(bodySizeLimit);
        // After the size limit, which must see the body before anything parses it.
        registry.addInterceptor(new ParameterNames());
    }

    /** A clear page for a body that is too large; nothing was read, so nothing was stored. */
    @ControllerAdvice
    static class TooLargePage {

        private final PublicPageModel page;

        TooLargePage(PublicPageModel page) {
            this.page = page;
        }

        @ExceptionHandler(BodySizeLimit.TooLarge.class)
        @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
        String tooLarge(BodySizeLimit.TooLarge e, Locale locale, Model model) {
            page.addTo(model, locale);
            model.addAttribute("kilobytes", e.kilobytes());
            model.addAttribute("limitKilobytes", e.limitKilobytes());
            // Files are measured as the tipster's phone shows them, with the remedy for files, not for answers.
            model.addAttribute("upload", e.limit() == BodySizeLimit.MAX_UPLOAD_BYTES);
            model.addAttribute("megabytes", Megabytes.of(e.bytes()));
            model.addAttribute("maxFiles", AttachmentIntake.MAX_FILES_PER_UPLOAD);
            model.addAttribute("maxFileMegabytes", Megabytes.limit(AttachmentCleaner.MAX_BYTES));
            return "too-large";
        }

        /**
         * Tomcat refuses to parse a body past the limit (a chunked one has no declared length, so its real size is
         * unknown and the page gives only the limit), and also a body that is not UTF-8 or not a form at all: no
         * browser sends one, and it is not too large, so it gets the page for a request that could not be read.
         */
        @ExceptionHandler(InvalidParameterException.class)
        String unparsable(InvalidParameterException e, Locale locale, Model model, HttpServletResponse response) {
            if (e.getErrorCode() != HttpStatus.CONTENT_TOO_LARGE.value()) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                page.addTo(model, locale);
                return PublicErrorPages.page(HttpStatus.BAD_REQUEST.value(), model);
            }
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            return tooLarge(new BodySizeLimit.TooLarge(-1, BodySizeLimit.MAX_FORM_BYTES), locale, model);
        }
    }

    /**
     * A form no browser sends (a person at index -1 or 99,999,999, a nested path into the form object) cannot be bound:
     * a plain 400 with the general explanation, instead of a 500.
     */
    @ControllerAdvice
    static class UnreadableFormPage {

        private final PublicPageModel page;

        UnreadableFormPage(PublicPageModel page) {
            this.page = page;
        }

        @ExceptionHandler({InvalidPropertyException.class, ParameterNames.Unreadable.class})
        @ResponseStatus(HttpStatus.BAD_REQUEST)
        String unreadable(Locale locale, Model model) {
            page.addTo(model, locale);
            return PublicErrorPages.page(HttpStatus.BAD_REQUEST.value(), model);
        }
    }
}
