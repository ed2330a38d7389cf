package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's texts exist in English and Spanish with the same keys and the same placeholders, and every message
 * with a placeholder reads right through MessageFormat (an apostrophe there must be doubled, or it swallows the rest).
 */
class ConsoleTranslationsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    @Test
    void everyConsoleTextIsInBothLanguagesWithTheSamePlaceholders() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");

        assertThat(new TreeSet<>(spanish.stringPropertyNames()))
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(spanish.getProperty(key)))
                    .as(key)
                    .isEqualTo(placeholders(english.getProperty(key)));
            assertThat(spanish.getProperty(key)).as(key).isNotBlank();
        }
    }

    @Test
    void messagesWithArgumentsKeepTheirApostrophes() throws IOException {
        for (String resource : new String[] {"messages.properties", "messages_es.properties"}) {
            Properties messages = load(resource);
            for (String key : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(key);
                if (PLACEHOLDER.matcher(pattern).find()) {
                    String formatted = new MessageFormat(pattern, Locale.ROOT).format(new Object[] {"A", "B", "C"});
                    assertThat(formatted.chars().filter(c -> c == '\'').count())
                            .as(resource + ": " + key)
                            .isEqualTo(pattern.chars().filter(c -> c == '\'').count() / 2);
                    assertThat(formatted).as(resource + ": " + key).doesNotContain("{");
                }
            }
        }
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        PLACEHOLDER.matcher(text).results().forEach(m -> found.add(m.group()));
        return found;
    }

    private Properties load(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
