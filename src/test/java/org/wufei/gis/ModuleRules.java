package org.wufei.gis;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The module rules Spring Modulith's allowed dependencies cannot say on their own, shared by the check of the
 * service ({@link ModuleStructureTest}) and the check of the rules themselves ({@code ModuleRulesTest}).
 */
final class ModuleRules {

    private ModuleRules() {
    }

    /**
     * A module's model knows no HTTP: apart from its controllers (the edge), no class of the module under
     * {@code modulePackage} uses servlet or Spring web types, nor an exception that carries an HTTP status. The
     * model throws domain exceptions, which the edge maps to problem+json.
     */
    static ArchRule modelKnowsNoHttp(String modulePackage) {
        return noClasses().that().resideInAPackage(modulePackage + "..")
                .and().areNotAnnotatedWith(RestController.class)
                .and().areNotAnnotatedWith(RestControllerAdvice.class)
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework.http..",
                        "org.springframework.web..", "jakarta.servlet..")
                        .or(describe("an HTTP exception", (JavaClass c) -> c.getSimpleName().equals("ApiException"))))
                .as("the " + modulePackage + " model knows no HTTP (domain exceptions, mapped at the edge)");
    }
}
