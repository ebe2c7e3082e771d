package org.wufei.gis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module rules catch what they are meant to: a fixture application ({@code org.wufei.fixture.modules}, test
 * code) breaks each rule once, and the same checks that pass on the service report every break.
 */
class ModuleRulesTest {
    private static final String FIXTURE = "org.wufei.fixture.modules";

    private final String violations = ApplicationModules.of(FIXTURE, location -> true).detectViolations()
            .getMessage();

    @Test
    void crsDependingOnAnyOtherModuleIsReported() {
        assertThat(violations).contains("Module 'crs' depends on module 'common'").contains("common.District");
    }

    @Test
    void ogcReachingIntoTheSitesModulesInternalsIsReported() {
        assertThat(violations).contains("Module 'ogc' depends on module 'sites'")
                .contains("sites.internal.SiteEntity. Allowed targets: common, sites");
    }

    @Test
    void importsUsingAnEventThatLivesInTilesIsReported() {
        assertThat(violations).contains("Module 'imports' depends on module 'tiles'");
    }

    @Test
    void aSitesModelThatThrowsAnHttpExceptionIsReported() {
        var classes = new ClassFileImporter().withImportOption(location -> true).importPackages(FIXTURE + ".sites");
        assertThatThrownBy(() -> ModuleRules.modelKnowsNoHttp(FIXTURE + ".sites").check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Site.transitionTo")
                .hasMessageContaining("ApiException");
    }

    @Test
    void theServiceItselfBreaksNone() {
        assertThat(ModuleStructureTest.MODULES.detectViolations().hasViolations()).isFalse();
    }
}
