package org.sharpscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The module map of DESIGN.md as rules that fail the build: core depends on nothing of ours; nn
 * on core; study on core and nn, and on neither picocli nor XChart; report on study; cli on study
 * and report; spark on study only; and no package cycles anywhere.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sharpscope");
        // The rules below pass vacuously on an empty import: make sure every module is in it.
        for (String c : new String[] {"org.sharpscope.UserInputException", "org.sharpscope.nn.model.Network",
                "org.sharpscope.study.Task", "org.sharpscope.report.RunFigures", "org.sharpscope.cli.Sharpscope",
                "org.sharpscope.spark.SparkSweep"}) {
            if (!classes.contain(c)) throw new AssertionError("the architecture test did not import " + c);
        }
    }

    @Test
    void modulesDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("org.sharpscope", "org.sharpscope.uv..", "org.sharpscope.dynamics..",
                        "org.sharpscope.spectral..", "org.sharpscope.regime..", "org.sharpscope.run..")
                .layer("nn").definedBy("org.sharpscope.nn..")
                .layer("study").definedBy("org.sharpscope.study..")
                .layer("report").definedBy("org.sharpscope.report..")
                .layer("cli").definedBy("org.sharpscope.cli..")
                .layer("spark").definedBy("org.sharpscope.spark..")
                .whereLayer("core").mayNotAccessAnyLayer()
                .whereLayer("nn").mayOnlyAccessLayers("core")
                .whereLayer("study").mayOnlyAccessLayers("core", "nn")
                .whereLayer("report").mayOnlyAccessLayers("core", "nn", "study")
                .whereLayer("cli").mayOnlyAccessLayers("core", "nn", "study", "report")
                .whereLayer("spark").mayOnlyAccessLayers("core", "nn", "study")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineUsesPicocliAndOnlyTheReportDraws() {
        noClasses().that().resideOutsideOfPackage("org.sharpscope.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.sharpscope.report..")
                .should().dependOnClassesThat().resideInAPackage("org.knowm.xchart..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.sharpscope.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void nothingRunsATaskThroughAnArgumentList() {
        noClasses().that().resideInAPackage("org.sharpscope..").and().doNotHaveFullyQualifiedName("org.sharpscope.cli.Sharpscope")
                .should().callMethod(CommandLine.class, "execute", String[].class)
                .because("tasks run through their typed specs (org.sharpscope.study.Task), not through the command tree")
                .check(classes);
    }
}
