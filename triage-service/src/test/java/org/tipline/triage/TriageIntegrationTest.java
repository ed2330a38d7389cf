package org.tipline.triage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole console on a random port against the test class's own database: the class declares
 * {@code static final TriageTestSetup SETUP = new TriageTestSetup();} and gets its properties registered and its key
 * epoch provisioned once the schema is migrated ({@link TriageTestContext}). One context per test class, as before.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(TriageTestContext.Database.class)
@TestExecutionListeners(
        listeners = TriageTestContext.Provisioning.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@interface TriageIntegrationTest {

    /** Extra application properties for this test class. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};
}
