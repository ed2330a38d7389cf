package org.tipline.model;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.tipline.testsupport.TiplineArchitecture;

class ArchitectureTest {

    @Test
    void sharedModelStaysFreeOfSpring() {
        TiplineArchitecture.SHARED_MODEL_IS_FREE_OF_SPRING.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tipline.model"));
    }

    @Test
    void sharedModelUsesNoJdbc() {
        TiplineArchitecture.SHARED_MODEL_DOES_NOT_USE_JDBC.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tipline.model"));
    }
}
