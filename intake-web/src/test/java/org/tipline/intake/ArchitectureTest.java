package org.tipline.intake;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.tipline.testsupport.TiplineArchitecture;

class ArchitectureTest {

    @Test
    void intakeNeverImportsTriage() {
        TiplineArchitecture.INTAKE_DOES_NOT_USE_TRIAGE.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tipline.intake"));
    }
}
