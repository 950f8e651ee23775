package io.warnews.events;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ContractArchitectureTest {

    @Test
    void theContractDependsOnNeitherSpringNorAxon() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.warnews.events");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                "jakarta.persistence..").check(classes);
    }
}
