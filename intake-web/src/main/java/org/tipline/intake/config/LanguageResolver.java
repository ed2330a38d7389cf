package org.tipline.intake.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;
import org.tipline.model.guidance.Guidance;

/**
 * The page language comes from the {@code lang} query parameter only: no cookie, no session, and no reliance on the
 * browser's Accept-Language, which would make a shared device's choice stick.
 */
@Component("localeResolver")
class LanguageResolver implements LocaleResolver {

    private final Guidance guidance;

    LanguageResolver(Guidance guidance) {
        this.guidance = guidance;
    }

    /**
     * Reads {@code lang} from the query string only, never the body: forms carry it in their action URL. Reading a
     * body parameter here would parse the body before the size limit could refuse it.
     */
    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String requested = request.getQueryString() == null
                ? null
                : UriComponentsBuilder.newInstance()
                        .query(request.getQueryString())
                        .build()
                        .getQueryParams()
                        .getFirst("lang");
        String language = requested != null && guidance.supportsLanguage(requested)
                ? requested
                : guidance.deployment().defaultLanguage();
        return Locale.forLanguageTag(language);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        // Nothing to store: the language travels in each link and form as the lang parameter.
    }
}
