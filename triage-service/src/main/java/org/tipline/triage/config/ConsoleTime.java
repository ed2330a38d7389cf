package org.tipline.triage.config;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tipline.model.guidance.Guidance;

/**
 * Times as the console shows them: in the deployment's zone (the seeds' {@code deployment.timeZone}), with the exact
 * UTC time kept for hover and for machines. What is stored and audited stays UTC; this is display only. Templates use
 * it as {@code @consoleTime}.
 */
@Component("consoleTime")
public class ConsoleTime {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final long DAY = 24 * 60;

    private final DateTimeFormatter local;
    private final MessageSource messages;

    ConsoleTime(Guidance guidance, MessageSource messages) {
        // English zone names ("EST", "EDT"): short and the same in every console language.
        this.local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH)
                .withZone(guidance.deployment().zone());
        this.messages = messages;
    }

    public String local(Instant at) {
        return local.format(at);
    }

    public String utc(Instant at) {
        return UTC.format(at);
    }

    /** The {@code datetime} attribute: ISO 8601 in UTC, to the second. */
    public String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "45 min", "3 h 5 min", "2 d 4 h": a long wait reads at a glance. */
    public String waiting(long minutes, Locale locale) {
        if (minutes < 60) {
            return message("time.waiting.minutes", locale, minutes);
        }
        if (minutes < DAY) {
            return message("time.waiting.hours", locale, minutes / 60, minutes % 60);
        }
        return message("time.waiting.days", locale, minutes / DAY, minutes % DAY / 60);
    }

    private String message(String code, Locale locale, long... numbers) {
        // As text: MessageFormat would group digits ("1,500") differently per language.
        Object[] arguments = new Object[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            arguments[i] = String.valueOf(numbers[i]);
        }
        return messages.getMessage(code, arguments, locale);
    }
}
