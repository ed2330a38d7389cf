package org.tipline.triage;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.SQLException;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/** What {@link TriageIntegrationTest} adds to a Spring test: the class's database and its provisioned key epoch. */
final class TriageTestContext {

    private TriageTestContext() {}

    /** The test class's {@code static TriageTestSetup} field. */
    static TriageTestSetup setupOf(Class<?> testClass) {
        for (Field field : testClass.getDeclaredFields()) {
            if (field.getType() == TriageTestSetup.class && Modifier.isStatic(field.getModifiers())) {
                try {
                    field.setAccessible(true);
                    return (TriageTestSetup) field.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException(testClass.getName() + " declares no static TriageTestSetup field");
    }

    /** Points the context at the class's database, as a {@code @DynamicPropertySource} method did. */
    static final class Database implements ContextCustomizerFactory {
        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer(testClass);
        }
    }

    /** Equal only for the same test class, so each class keeps its own context and database. */
    private record Customizer(Class<?> testClass) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "triage test database", setupOf(testClass).properties()));
        }
    }

    /** Creates the key epoch once the application has migrated the schema, before the first test method. */
    static final class Provisioning extends AbstractTestExecutionListener {
        @Override
        public void prepareTestInstance(TestContext testContext) throws SQLException {
            testContext.getApplicationContext();
            setupOf(testContext.getTestClass()).provisionOnce();
        }
    }
}
