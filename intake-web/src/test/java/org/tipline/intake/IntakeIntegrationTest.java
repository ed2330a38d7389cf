package org.tipline.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Intake on a random port against the migrated test database ({@link IntakeTestDatabase}), its own context per test
 * class as with the {@code @DynamicPropertySource} method it replaces. A class that overrides one of those settings
 * keeps its own {@code @DynamicPropertySource} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(IntakeIntegrationTest.Database.class)
@interface IntakeIntegrationTest {

    /** Extra application properties for this test class. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};

    /** Adds the database's settings first, as dynamic properties are; equal only for the same test class. */
    final class Database implements ContextCustomizerFactory {
        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer(testClass);
        }
    }

    record Customizer(Class<?> testClass) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "intake test database", new LinkedHashMap<>(IntakeTestDatabase.properties())));
        }
    }
}
