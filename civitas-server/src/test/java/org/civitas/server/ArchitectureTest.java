package org.civitas.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The shape of the server: packages that form no cycle, and one composition root, the package
 * {@code org.civitas.server} itself, that wires every feature while no feature depends on it.
 */
@AnalyzeClasses(packages = "org.civitas.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * {@code org.(**)} gives every package a slice of its own, the root package included. The templates compiled into
     * {@code gg.jte} stay outside: Java code renders them by name, so they can close no cycle.
     */
    @ArchTest
    void packagesFormNoCycle(JavaClasses server) {
        slices().matching("org.(**)").namingSlices("$1").should().beFreeOfCycles()
                .because("packages that need each other can be neither understood nor changed alone; move the type"
                        + " both use to the package that owns it, or hand one side what it needs as an argument")
                .check(server);
    }

    @ArchTest
    void noFeatureDependsOnTheCompositionRoot(JavaClasses server) {
        noClasses().that().resideOutsideOfPackage("org.civitas.server")
                .should().dependOnClassesThat().resideInAPackage("org.civitas.server")
                .because("the root package wires every feature (CivitasServer, and the Civitas record of what it"
                        + " wired); a feature takes the parts it needs as arguments rather than the whole wiring")
                .check(server);
    }

    @ArchTest
    void nothingServedComesFromTheDemo(JavaClasses server) {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.civitas.demo..")
                .because("a real deployment must not inherit the demo city's catalogue, books or accounts: the"
                        + " server takes them from its configuration and its data directory (the build also keeps"
                        + " civitas-demo off the server's compile path; the tests use it)")
                .check(server);
    }
}
