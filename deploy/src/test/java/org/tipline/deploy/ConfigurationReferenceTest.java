package org.tipline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/operations/configuration.md names every variable and every tipline property the apps read. */
class ConfigurationReferenceTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theReferenceNamesEverySetting() throws Exception {
        String reference = Files.readString(ROOT.resolve("docs/operations/configuration.md"));
        Set<String> settings = new TreeSet<>();
        for (String module : new String[] {"intake-web", "triage-service"}) {
            String properties = Files.readString(ROOT.resolve(module + "/src/main/resources/application.properties"));
            collect(Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)"), properties, settings);
            collect(Pattern.compile("(?m)^(tipline\\.[a-z0-9.-]+)="), properties, settings);
            try (Stream<Path> sources = Files.walk(ROOT.resolve(module + "/src/main/java"))) {
                for (Path source :
                        sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    collect(Pattern.compile("\\$\\{(tipline\\.[a-z0-9.-]+)"), Files.readString(source), settings);
                }
            }
        }
        for (String source : new String[] {
            "triage-service/src/main/java/org/tipline/triage/referrals/ReferralProperties.java",
            "triage-service/src/main/java/org/tipline/triage/alerts/AlertProperties.java"
        }) {
            settings.addAll(recordProperties(Files.readString(ROOT.resolve(source))));
        }
        assertThat(settings).hasSizeGreaterThan(50);
        assertThat(settings.stream()
                        .filter(s -> !reference.contains("`" + s + "`"))
                        .toList())
                .as("settings missing from docs/operations/configuration.md")
                .isEmpty();
    }

    /** The properties a {@code @ConfigurationProperties} record binds, read from its source; maps are documented by pattern. */
    private static Set<String> recordProperties(String source) {
        Matcher prefix =
                Pattern.compile("@ConfigurationProperties\\(\"([a-z.]+)\"\\)").matcher(source);
        assertThat(prefix.find()).isTrue();
        Matcher header = Pattern.compile("public record \\w+\\((.*?)\\) \\{", Pattern.DOTALL)
                .matcher(source);
        assertThat(header.find()).isTrue();
        String components = header.group(1).replaceAll("@\\w+(\\([^)]*\\))?", "");
        while (components.contains("<")) {
            components = components.replaceAll("<[^<>]*>", "");
        }
        Set<String> names = new TreeSet<>();
        for (String component : components.split(",")) {
            String[] words = component.strip().split("\\s+");
            if (!words[0].equals("Map")) {
                names.add(prefix.group(1) + "." + kebab(words[words.length - 1]));
            }
        }
        return names;
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
