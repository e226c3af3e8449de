package org.civitas.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/** The shape of the store: packages that form no cycle, and storage that serves every door, not only the web. */
@AnalyzeClasses(packages = "org.civitas.store", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** {@code org.(**)} gives every package a slice of its own, the root package {@code org.civitas.store} included. */
    @ArchTest
    void packagesFormNoCycle(JavaClasses store) {
        slices().matching("org.(**)").namingSlices("$1").should().beFreeOfCycles()
                .because("packages that need each other can be neither understood nor changed alone; move the type"
                        + " both use to the package that owns it, or to a small package of its own")
                .check(store);
    }

    @ArchTest
    void storeKnowsNoServer(JavaClasses store) {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.civitas.server..", "org.civitas.cli..")
                .because("the store keeps core's data for every door, of which the server is one; Maven already"
                        + " keeps the server out of the store's reach, and this says so beside the other package rules")
                .check(store);
    }
}
