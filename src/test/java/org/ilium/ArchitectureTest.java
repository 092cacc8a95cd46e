package org.ilium;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of docs/architecture.md, checked on the compiled main classes. */
class ArchitectureTest {
    /** Capabilities in the direction data flows; one may use those before it, never those after. */
    private static final List<String> FLOW = List.of("patient", "workup", "candidacy", "surgery", "followup", "prom", "outcomes");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.ilium");
    }

    @Test
    void domainCodeIsPlainJava() {
        ArchRule rule = noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "tools.jackson..", "com.fasterxml..", "jakarta..", "io.swagger..", "ca.uhn..", "org.ilium.database..",
                        "org.yaml..", "org.ilium.shared.content..")
                .because("domain rules are tested without a database or a framework");
        rule.check(classes);
    }

    @Test
    void contentReadingDependsOnNothingButSharedAndSnakeYaml() {
        noClasses().that().resideInAPackage("org.ilium.shared.content..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..", "jakarta..")
                .because("content files are read the same way by the server, the CLI and tests").check(classes);
    }

    @Test
    void sharedDependsOnNoCapability() {
        noClasses().that().resideInAPackage("org.ilium.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(FLOW.stream().map(m -> "org.ilium." + m + "..").toArray(String[]::new))
                .orShould().dependOnClassesThat().resideInAnyPackage("org.ilium.access..", "org.ilium.database..", "org.ilium.cli..",
                        "org.ilium.interop..", "org.ilium.web..", "org.ilium.notify..")
                .check(classes);
    }

    @Test
    void capabilitiesDependOnlyUpstream() {
        for (int i = 0; i < FLOW.size(); i++) {
            String module = "org.ilium." + FLOW.get(i) + "..";
            String[] downstream = FLOW.subList(i + 1, FLOW.size()).stream().map(m -> "org.ilium." + m + "..").toArray(String[]::new);
            if (downstream.length > 0) {
                noClasses().that().resideInAPackage(module).should().dependOnClassesThat().resideInAnyPackage(downstream)
                        .because("data flows intake -> work-up -> candidacy -> surgery -> follow-up -> outcomes")
                        .allowEmptyShould(true).check(classes);
            }
            noClasses().that().resideInAPackage(module).should().dependOnClassesThat()
                    .resideInAnyPackage("org.ilium.cli..", "org.ilium.interop..", "org.ilium.web..", "org.ilium.access..", "org.ilium.notify..")
                    .because("the CLI, interop, web, access and notify sit at the edges").allowEmptyShould(true).check(classes);
        }
    }

    @Test
    void databaseInfrastructureKnowsOnlyShared() {
        noClasses().that().resideInAPackage("org.ilium.database..").should().dependOnClassesThat()
                .resideInAnyPackage("org.ilium.patient..", "org.ilium.access..", "org.ilium.cli..")
                .check(classes);
    }

    @Test
    void sqlLivesInRepositoriesAndTheDatabaseModule() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository").and().resideOutsideOfPackage("org.ilium.database..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .because("queries stay in one place per module, where site scoping can be reviewed")
                .check(classes);
    }

    @Test
    void noCyclesBetweenModules() {
        slices().matching("org.ilium.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void controllersAreNotPublicApi() {
        classes().that().haveSimpleNameEndingWith("Controller").should().notBePublic().check(classes);
    }
}
