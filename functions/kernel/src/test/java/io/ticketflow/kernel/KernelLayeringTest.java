package io.ticketflow.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Domain code uses the problem and HTTP types, so they must stay plain Java: a domain action written against
 * them runs behind any cloud adapter, and only {@code kernel.function} knows Lambda and Spring.
 */
class KernelLayeringTest {

    private final JavaClasses kernel = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ticketflow.kernel");

    @Test
    void problemHttpAndSagaTypes_dependOnNoCloudAndNoSpringType() {
        noClasses().that().resideInAnyPackage("io.ticketflow.kernel.problem..", "io.ticketflow.kernel.http..",
                        "io.ticketflow.kernel.saga..")
                .or().haveSimpleName("Ids")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "org.springframework..")
                .check(kernel);
    }

    @Test
    void authHelpers_dependOnNoSpringType() {
        noClasses().that().resideInAPackage("io.ticketflow.kernel.auth..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..")
                .check(kernel);
    }
}
