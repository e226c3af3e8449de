package org.civitas.kafka;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/** The shape of the Kafka runtime: packages that form no cycle, over core's domain and nothing of the other doors. */
@AnalyzeClasses(packages = "org.civitas.kafka", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** {@code org.(**)} gives every package a slice of its own. */
    @ArchTest
    void packagesFormNoCycle(JavaClasses kafka) {
        slices().matching("org.(**)").namingSlices("$1").should().beFreeOfCycles()
                .because("packages that need each other can be neither understood nor changed alone; move the type"
                        + " both use to the package that owns it, or to a small package of its own")
                .check(kafka);
    }

    @ArchTest
    void kafkaKnowsNoOtherDoor(JavaClasses kafka) {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.civitas.server..", "org.civitas.store..",
                        "org.civitas.cli..", "org.civitas.demo..")
                .because("the Kafka runtime is a second runtime for core's domain, beside the embedded one: it"
                        + " scores with core's engine and takes events through core's intake, never through a door")
                .check(kafka);
    }
}
