package org.tipline.triage.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.tipline.model.guidance.Guidance;
import org.tipline.triage.staff.ConsoleLanguages;
import org.tipline.triage.staff.StaffPrincipal;

/**
 * The console's language: the signed-in staff member's saved choice, otherwise the browser's Accept-Language, otherwise
 * the deployment's default; always one of the seeds' languages. Looked up once per request, since Spring asks for the
 * locale again and again while a page renders.
 */
@Component("localeResolver")
@RequiredArgsConstructor
class ConsoleLocaleResolver implements LocaleResolver {

    private static final String RESOLVED = ConsoleLocaleResolver.class.getName() + ".locale";

    private final ConsoleLanguages languages;
    private final Guidance guidance;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(RESOLVED) instanceof Locale resolved) {
            return resolved;
        }
        Locale locale = Locale.forLanguageTag(language(request));
        request.setAttribute(RESOLVED, locale);
        return locale;
    }

    private String language(HttpServletRequest request) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof StaffPrincipal me) {
            var chosen = languages.chosenBy(me.id());
            if (chosen.isPresent()) {
                return chosen.get();
            }
        }
        if (request.getHeader("Accept-Language") != null) {
            for (var accepted : Collections.list(request.getLocales())) {
                if (guidance.supportsLanguage(accepted.getLanguage())) {
                    return accepted.getLanguage();
                }
            }
        }
        return guidance.deployment().defaultLanguage();
    }

    /**
     * Sets the language for the rest of this request only ({@code null} resolves it again). A lasting choice is saved on
     * the staff row by {@code POST /account/language}, so nothing here writes a cookie or the session.
     */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (locale == null) {
            request.removeAttribute(RESOLVED);
        } else {
            request.setAttribute(RESOLVED, locale);
        }
    }
}
