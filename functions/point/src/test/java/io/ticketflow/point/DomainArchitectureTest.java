package io.ticketflow.point;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** STYLE: the domain is plain Java, so it can be tested without I/O and moved to another cloud unchanged. */
class DomainArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ticketflow.point");

    @Test
    void domain_dependsOnNoAwsSdk() {
        noClasses().that().resideInAPackage("..point.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .check(PRODUCTION);
    }

    @Test
    void domain_dependsOnNoSpringNorJackson() {
        noClasses().that().resideInAPackage("..point.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..")
                .check(PRODUCTION);
    }

    @Test
    void domain_dependsOnNoAdapterOrFunction() {
        noClasses().that().resideInAPackage("..point.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..point.adapter..", "..point.function..")
                .check(PRODUCTION);
    }

    @Test
    void functions_dependOnNoAwsSdk_soTheyStayCloudPortable() {
        noClasses().that().resideInAPackage("..point.function..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .check(PRODUCTION);
    }
}
