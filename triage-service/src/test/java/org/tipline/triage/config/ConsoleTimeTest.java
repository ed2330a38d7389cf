package org.tipline.triage.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.tipline.model.guidance.GuidanceLoader;

/** Console times in the shipped seeds' zone (America/New_York), across daylight saving, and waits in words. */
class ConsoleTimeTest {

    private final ConsoleTime time = new ConsoleTime(GuidanceLoader.fromClasspath(), messages());

    @Test
    void aMomentReadsInTheDeploymentsZoneWithUtcKeptExact() {
        Instant winter = Instant.parse("2026-01-15T14:30:59.700Z");
        Instant summer = Instant.parse("2026-07-04T02:05:00Z");

        assertThat(time.local(winter)).isEqualTo("2026-01-15 09:30 EST");
        assertThat(time.local(summer)).isEqualTo("2026-07-03 22:05 EDT");
        assertThat(time.utc(winter)).isEqualTo("2026-01-15 14:30 UTC");
        assertThat(time.iso(winter)).isEqualTo("2026-01-15T14:30:59Z");
    }

    @Test
    void aWaitReadsInMinutesHoursOrDaysInEitherLanguage() {
        assertThat(time.waiting(45, Locale.ENGLISH)).isEqualTo("45 min");
        assertThat(time.waiting(185, Locale.ENGLISH)).isEqualTo("3 h 5 min");
        assertThat(time.waiting(2 * 1440 + 250, Locale.ENGLISH)).isEqualTo("2 d 4 h");
        assertThat(time.waiting(1500 * 1440L, Locale.forLanguageTag("es"))).isEqualTo("1500 d 0 h");
    }

    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        return messages;
    }
}
