package io.ticketflow.reservation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** STYLE: the domain is plain Java, so it can be tested without I/O and moved to another cloud unchanged. */
class DomainArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ticketflow.reservation");

    @Test
    void domain_dependsOnNoAwsSdk() {
        noClasses().that().resideInAPackage("..reservation.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .check(PRODUCTION);
    }

    @Test
    void domain_dependsOnNoSpring() {
        noClasses().that().resideInAPackage("..reservation.domain..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(PRODUCTION);
    }

    @Test
    void domain_dependsOnNoAdapterOrFunction() {
        noClasses().that().resideInAPackage("..reservation.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..reservation.adapter..", "..reservation.function..")
                .check(PRODUCTION);
    }
}
