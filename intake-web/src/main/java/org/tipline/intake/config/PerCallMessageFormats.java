package org.tipline.intake.config;

import java.text.MessageFormat;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The public pages' messages ({@code messages*.properties}), as Spring Boot would configure them, except that a message
 * with arguments is formatted with a MessageFormat of its own. Spring shares one per message and language and formats
 * under its lock, so under load every request showing, say, the emergency number queued on the same lock
 * (docs/benchmarks.md). Parsing a short pattern per call costs microseconds.
 */
class PerCallMessageFormats extends ResourceBundleMessageSource {

    PerCallMessageFormats() {
        setBasename("messages");
        setDefaultEncoding("UTF-8");
        setFallbackToSystemLocale(false);
    }

    @Override
    protected MessageFormat resolveCode(String code, Locale locale) {
        String pattern = resolveCodeWithoutArguments(code, locale);
        return pattern == null ? null : createMessageFormat(pattern, locale);
    }
}
