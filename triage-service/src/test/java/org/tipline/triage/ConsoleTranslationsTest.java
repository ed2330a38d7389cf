package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.tipline.model.guidance.GuidanceLoader;

/** Every console text exists in every language the seeds declare, and no translation is left empty. */
class ConsoleTranslationsTest {

    @Test
    void everyConsoleMessageExistsInEveryDeploymentLanguage() throws IOException {
        Properties english = load("messages.properties");
        assertThat(english).isNotEmpty();
        for (String language : GuidanceLoader.fromClasspath().deployment().languages()) {
            if (language.equals("en")) {
                continue;
            }
            Properties translated = load("messages_" + language + ".properties");
            assertThat(translated.keySet()).as(language).isEqualTo(english.keySet());
            translated.forEach((key, value) ->
                    assertThat(value.toString()).as(language + ": " + key).isNotBlank());
        }
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
