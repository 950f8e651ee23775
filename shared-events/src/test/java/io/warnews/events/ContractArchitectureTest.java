package io.warnews.events;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ContractArchitectureTest {

    private final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.warnews.events");

    @Test
    void theEventsAndValueTypesDependOnNeitherSpringNorAxon() {
        noClasses().that().resideOutsideOfPackage("io.warnews.events.axon..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta.persistence..", "io.warnews.events.axon..")
                .check(classes);
    }

    @Test
    void theAxonWiringDependsOnNoSpring() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..").check(classes);
    }
}
