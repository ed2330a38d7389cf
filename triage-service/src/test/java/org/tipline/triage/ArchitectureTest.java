package org.tipline.triage;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.tipline.testsupport.TiplineArchitecture;

class ArchitectureTest {

    @Test
    void triageNeverImportsIntake() {
        TiplineArchitecture.TRIAGE_DOES_NOT_USE_INTAKE.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tipline.triage"));
    }
}
