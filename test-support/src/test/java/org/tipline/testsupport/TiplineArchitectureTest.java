package org.tipline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.tipline.intake.fixture.ReachesIntoTriage;
import org.tipline.model.fixture.LeaksJdbc;
import org.tipline.model.fixture.LeaksSpring;
import org.tipline.model.fixture.PlainJava;
import org.tipline.triage.fixture.TriageService;

/** The rules must fail on a forbidden import, not merely pass on clean code. */
class TiplineArchitectureTest {

    private final ClassFileImporter importer = new ClassFileImporter();

    @Test
    void springInSharedModelIsAViolation() {
        var result =
                TiplineArchitecture.SHARED_MODEL_IS_FREE_OF_SPRING.evaluate(importer.importClasses(LeaksSpring.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("LeaksSpring")
                .contains("org.springframework.util.StringUtils");
    }

    @Test
    void plainJavaInSharedModelPasses() {
        assertThat(TiplineArchitecture.SHARED_MODEL_IS_FREE_OF_SPRING
                        .evaluate(importer.importClasses(PlainJava.class))
                        .hasViolation())
                .isFalse();
    }

    @Test
    void jdbcInSharedModelIsAViolation() {
        var result = TiplineArchitecture.SHARED_MODEL_DOES_NOT_USE_JDBC.evaluate(
                importer.importClasses(LeaksJdbc.class, PlainJava.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("LeaksJdbc")
                .contains("java.sql.Connection")
                .contains("javax.sql.DataSource")
                .doesNotContain("PlainJava");
    }

    @Test
    void intakeImportingTriageIsAViolation() {
        var classes = importer.importClasses(ReachesIntoTriage.class, TriageService.class);

        assertThat(TiplineArchitecture.INTAKE_DOES_NOT_USE_TRIAGE
                        .evaluate(classes)
                        .hasViolation())
                .isTrue();
        assertThat(TiplineArchitecture.TRIAGE_DOES_NOT_USE_INTAKE
                        .evaluate(classes)
                        .hasViolation())
                .isFalse();
    }
}
