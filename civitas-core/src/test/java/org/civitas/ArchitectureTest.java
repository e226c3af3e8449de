package org.civitas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/** The shape of core: packages that form no cycle, and a domain that knows no framework and no other module. */
@AnalyzeClasses(packages = "org.civitas", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** {@code org.(**)} gives every package a slice of its own, the root package {@code org.civitas} included. */
    @ArchTest
    void packagesFormNoCycle(JavaClasses core) {
        slices().matching("org.(**)").namingSlices("$1").should().beFreeOfCycles()
                .because("packages that need each other can be neither understood nor changed alone; move the type"
                        + " both use to the package that owns it, or to a small package of its own")
                .check(core);
    }

    @ArchTest
    void coreImportsNoFramework(JavaClasses core) {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "gg.jte..",
                        "org.jdbi..", "java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer.hikari..",
                        "org.apache.kafka..", "picocli..")
                .because("core is the one domain every door uses (the server, the command line, the stream"
                        + " processor): web, SQL, Kafka, command-line and template frameworks belong around it")
                .check(core);
    }

    /**
     * Beyond Java (whose JDBC the rule above refuses): Jackson, CEL with the Guava types its API hands out, SnakeYAML,
     * the crypto provider and SLF4J.
     */
    @ArchTest
    void coreUsesOnlyTheLibrariesItChose(JavaClasses core) {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "org.civitas..", "java..", "javax.crypto..", "com.fasterxml.jackson..", "dev.cel..",
                        "com.google.common..", "org.yaml.snakeyaml..", "com.amazon.corretto.crypto.provider..",
                        "org.slf4j..")
                .because("every library core takes on, every door takes on with it: adding one is a decision to"
                        + " make here, in the open")
                .check(core);
    }

    @ArchTest
    void coreKnowsNoOtherModule(JavaClasses core) {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.civitas.store..", "org.civitas.server..", "org.civitas.cli..", "org.civitas.testkit..",
                        "org.civitas.bench..", "org.civitas.demo..")
                .because("the other modules build on core's domain; Maven already keeps them out of core's reach,"
                        + " and this says so beside the other package rules")
                .check(core);
    }
}
