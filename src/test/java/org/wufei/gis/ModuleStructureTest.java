package org.wufei.gis;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages stay acyclic, use only each other's public API and only the modules their package-info
 * allows (crs nothing, ogc and tiles only catalog's ports, imports no tiles event); the sites model knows no HTTP.
 * Also writes the module documentation (component diagram, one diagram and canvas per module) to docs/modules.
 */
class ModuleStructureTest {
    static final Path DOCS = Path.of("docs", "modules");
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
    void moduleDocumentationIsWrittenToDocsModules() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".puml")).toList()) {
                Files.write(f, stableOrder(Files.readAllLines(f)));
            }
        }
    }

    /**
     * The Documenter lists components and relations in hash order, which changes from build to build: sort each run
     * of such lines so that a build leaves docs/modules unchanged unless the modules changed.
     */
    static List<String> stableOrder(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("Component(") || t.startsWith("Rel(") || t.startsWith("Rel_")) {
                run.add(line);
                continue;
            }
            run.sort(null);
            out.addAll(run);
            run.clear();
            out.add(line);
        }
        run.sort(null);
        out.addAll(run);
        return out;
    }
}
