package org.civitas.cli;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/** The shape of the command line: packages that form no cycle, once the commands outgrow their one package. */
@AnalyzeClasses(packages = "org.civitas.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** {@code org.(**)} gives every package a slice of its own, the root package {@code org.civitas.cli} included. */
    @ArchTest
    void packagesFormNoCycle(JavaClasses cli) {
        slices().matching("org.(**)").namingSlices("$1").should().beFreeOfCycles()
                .because("packages that need each other can be neither understood nor changed alone; move the type"
                        + " both use to the package that owns it, or to a small package of its own")
                .check(cli);
    }
}
