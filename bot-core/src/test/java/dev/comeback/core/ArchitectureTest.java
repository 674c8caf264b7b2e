package dev.comeback.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.comeback.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule coreKnowsNoPlatform = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.telegram..", "net.dv8tion..");

    @ArchTest
    static final ArchRule conversationStepsDoNoIo = noClasses()
            .that().resideInAnyPackage("..conversation..", "..triage..", "..safety..", "..protocol..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.quartz..",
                    "com.zaxxer..", "org.flywaydb..", "java.io..", "java.net..", "java.nio.file..");

    @ArchTest
    static final ArchRule quartzStaysInsideScheduling = noClasses()
            .that().resideOutsideOfPackage("..scheduling..")
            .should().dependOnClassesThat().resideInAnyPackage("org.quartz..");

    /**
     * Digests and rosters are composed from member summaries alone: the composers cannot reach a person's
     * conversation, triage, red flags or check-ins, so nothing a member did not share can leak into a group.
     */
    @ArchTest
    static final ArchRule groupComposersSeeOnlyMemberSummaries = classes()
            .that().resideInAPackage("..group.compose..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..group.compose..");

    /** In the group package only Summaries reads personal state, and it hands composers summaries only. */
    @ArchTest
    static final ArchRule onlySummariesReadPersonalState = noClasses()
            .that().resideInAPackage("..group..").and().doNotHaveSimpleName("Summaries")
            .should().dependOnClassesThat().resideInAnyPackage("..conversation..", "..triage..", "..safety..", "..protocol..");
}
