package org.wufei.gis;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages stay acyclic, use only each other's public API and only the modules their package-info
 * allows (crs nothing, ogc and tiles only catalog's ports, imports no tiles event); the sites model knows no HTTP.
 * Also writes the module documentation (component diagram, one diagram and canvas per module) to docs/modules.
 */
class ModuleStructureTest {
    static final ApplicationModules MODULES = ApplicationModules.of(GisApplication.class);

    @Test
    void featurePackagesHaveNoCyclesAndUseOnlyTheModulesAndApiTheyDeclare() {
        MODULES.verify();
    }

    @Test
    void theSitesModelKnowsNoHttp() {
        ModuleRules.modelKnowsNoHttp("org.wufei.gis.sites").check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.wufei.gis.sites"));
    }

    @Test
    void moduleDocumentationIsWrittenToDocsModules() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
    }
}
