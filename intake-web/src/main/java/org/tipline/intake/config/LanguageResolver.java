package org.tipline.intake.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;
import org.tipline.model.guidance.Guidance;

/**
 * The page language is the {@code lang} query parameter when the tipster chose one (every link and form carries it
 * on), otherwise the best of the deployment's languages for the browser's Accept-Language, otherwise the default. No
 * cookie and no session: nothing about the visitor is stored, so a shared device keeps no trace of a choice.
 */
@Component("localeResolver")
@RequiredArgsConstructor
class LanguageResolver implements LocaleResolver {

    /** Far longer than any browser's header; a longer one is not worth parsing. */
    private static final int MAX_ACCEPT_LANGUAGE = 500;

    private final Guidance guidance;

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
                : browserLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return Locale.forLanguageTag(language);
    }

    /** The deployment language the browser ranks highest ("es-MX" finds "es"); the default if none or unreadable. */
    private String browserLanguage(String acceptLanguage) {
        String fallback = guidance.deployment().defaultLanguage();
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_ACCEPT_LANGUAGE) {
            return fallback;
        }
        try {
            String best = Locale.lookupTag(
                    Locale.LanguageRange.parse(acceptLanguage),
                    guidance.deployment().languages());
            return best == null ? fallback : best;
        } catch (IllegalArgumentException unreadable) {
            return fallback;
        }
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        // Nothing to store: a chosen language travels in each link and form as the lang parameter.
    }
}
