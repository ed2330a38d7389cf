package org.tipline.triage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each direct sub-package of {@code org.tipline.triage} is an application module: others may use only its top-level
 * package and the sub-packages it names as interfaces, and no two modules depend on each other in a cycle.
 */
class ModularityTests {

    @Test
    void triagePackagesAreApplicationModulesWithoutCycles() {
        ApplicationModules.of(TriageApplication.class).verify();
    }
}
