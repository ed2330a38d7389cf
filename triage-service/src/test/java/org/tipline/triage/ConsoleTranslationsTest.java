package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's texts exist in English and Spanish with the same keys and the same placeholders, every message with a
 * placeholder reads right through MessageFormat (an apostrophe there must be doubled, or it swallows the rest), and no
 * template carries words of its own: every text with letters is replaced by a {@code th:text} (or similar) around it.
 */
class ConsoleTranslationsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** A comment, a declaration, a tag (its name and attributes), or the text up to the next of those. */
    private static final Pattern TOKEN = Pattern.compile(
            "<!--.*?-->|<![^>]*>|<(/?)([a-zA-Z][\\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>|([^<]+)",
            Pattern.DOTALL);

    /** Attributes that replace an element's whole content when the page renders, so its text is only a sample. */
    private static final Pattern REPLACES_CONTENT =
            Pattern.compile("\\b(?:th:(?:text|utext|replace|insert|remove)|sec:authentication)\\s*=");

    private static final Set<String> VOID_ELEMENTS = Set.of("meta", "link", "input", "img", "br", "hr");

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

    /** A key written twice is silently the later one: a new label once replaced the "Passkey added." notice. */
    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (String resource : new String[] {"messages.properties", "messages_es.properties"}) {
            Map<String, Long> keys = Files.readAllLines(TEMPLATES.resolveSibling(resource)).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                    .map(line -> line.substring(0, line.indexOf('=')).strip())
                    .collect(Collectors.groupingBy(key -> key, Collectors.counting()));
            assertThat(keys)
                    .as(resource)
                    .allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
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

    @Test
    void noConsoleTemplateCarriesInlineWords() throws IOException {
        List<String> inline = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String name = TEMPLATES.relativize(template).toString();
                inlineWords(Files.readString(template)).forEach(text -> inline.add(name + ": " + text));
            }
        }
        assertThat(inline).isEmpty();
    }

    @Test
    void theCheckFindsWordsOutsideMessages() {
        assertThat(inlineWords("<p>Sign in</p><p th:text=\"#{a}\">Sample <b>kept</b></p><a title=\"x\">Queue</a>"))
                .containsExactly("Sign in", "Queue");
        assertThat(inlineWords("<p>1 · 2 — #</p><script>let a;</script><!-- words -->"))
                .isEmpty();
    }

    /**
     * Texts with a letter that no ancestor element replaces; script and style hold no words for people, and a kbd holds
     * a key's name as printed on the keyboard.
     */
    private static List<String> inlineWords(String html) {
        List<String> found = new ArrayList<>();
        Deque<Boolean> replaced = new ArrayDeque<>();
        Matcher token = TOKEN.matcher(html);
        while (token.find()) {
            if (token.group(5) != null) {
                String text = token.group(5).strip();
                if (text.codePoints().anyMatch(Character::isLetter) && !replaced.contains(true)) {
                    found.add(text);
                }
            } else if (token.group(2) != null) {
                String element = token.group(2).toLowerCase(Locale.ROOT);
                boolean closing = !token.group(1).isEmpty();
                if (closing) {
                    replaced.poll();
                } else if (token.group(4).isEmpty() && !VOID_ELEMENTS.contains(element)) {
                    replaced.push(element.equals("script")
                            || element.equals("style")
                            || element.equals("kbd")
                            || REPLACES_CONTENT.matcher(token.group(3)).find());
                }
            }
        }
        return found;
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
