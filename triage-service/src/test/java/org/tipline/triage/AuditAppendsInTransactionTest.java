package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.tipline.triage.fixture.AuditCallers;

class AuditAppendsInTransactionTest {

    private final ClassFileImporter importer = new ClassFileImporter();

    @Test
    void everyAuditEntryInTriageIsAppendedInsideATransaction() {
        AuditAppendsInTransaction.RULE.check(importer.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tipline.triage"));
    }

    @Test
    void anActionThatCommitsBeforeItsEntryIsAViolation() {
        var result =
                AuditAppendsInTransaction.RULE.evaluate(importer.importClasses(AuditCallers.ChangesThenAudits.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("ChangesThenAudits.disable(java.util.UUID)")
                .contains("runs outside a transaction");
    }

    @Test
    void aTransactionalMethodCalledThroughThisIsAViolation() {
        var report = AuditAppendsInTransaction.RULE
                .evaluate(importer.importClasses(AuditCallers.CallsItsOwnTransactionalMethod.class))
                .getFailureReport();

        assertThat(report.getDetails())
                .hasSize(1)
                .first()
                .asString()
                .contains("CallsItsOwnTransactionalMethod.record()");
    }

    @Test
    void aReadOnlyTransactionIsAViolation() {
        assertThat(AuditAppendsInTransaction.RULE
                        .evaluate(importer.importClasses(AuditCallers.AuditsWhileReading.class))
                        .hasViolation())
                .isTrue();
    }

    @Test
    void annotatedMethodsTemplatesAndTheirPrivateHelpersPass() {
        var result = AuditAppendsInTransaction.RULE.evaluate(
                importer.importClasses(AuditCallers.AuditsInsideTransactions.class));

        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }
}
