package io.warnews.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

@AnalyzeClasses(packages = "io.warnews.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaMethodCall> AN_APPEND_TO_THE_EVENT_STORE = DescribedPredicate.describe(
            "an append to the event store", call ->
                    (call.getTargetOwner().isAssignableTo(EventBus.class) && call.getName().equals("publish"))
                            || (call.getTargetOwner().isAssignableTo(EventStorageEngine.class)
                            && call.getName().equals("appendEvents")));

    @ArchTest
    static final ArchRule theQueryServiceNeverWritesEventsNorSendsCommands = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.eventhandling.gateway.EventGateway")
            .orShould().dependOnClassesThat()
            .haveFullyQualifiedName("org.axonframework.commandhandling.gateway.CommandGateway")
            .orShould().callMethodWhere(AN_APPEND_TO_THE_EVENT_STORE);
}
