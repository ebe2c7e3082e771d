package org.wufei.gis;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages stay acyclic and talk only through each other's public API. */
class ModuleStructureTest {

    @Test
    void featurePackagesHaveNoCyclesAndUseOnlyEachOthersApi() {
        ApplicationModules.of(GisApplication.class).verify();
    }
}
