package nl.dijkwacht.pii;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The PII engine stays plain Java: testable and benchmarkable without Spring or the rest of the gateway. Its one
 * neighbour is {@code nl.dijkwacht.words} (word-list files, shared with the purpose guard), which itself depends on
 * nothing of the gateway ({@code ArchitectureTest.wordListsStandAlone}).
 */
class PiiPackageRulesTest {

    private static final JavaClasses PII = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.dijkwacht.pii");

    @Test
    void noSpringAndNoOtherGatewayPackages() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .check(PII);
        noClasses().should().dependOnClassesThat(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("nl.dijkwacht..")
                        .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                        "nl.dijkwacht.pii..", "nl.dijkwacht.words.."))))
                .check(PII);
    }

    @Test
    void detectionDoesNotKnowAnonymisation() {
        // detection (detect/, normalize/) finds spans; what happens to them is the anonymize/ package's job
        noClasses().that().resideInAnyPackage("nl.dijkwacht.pii.detect..", "nl.dijkwacht.pii.normalize..")
                .should().dependOnClassesThat().resideInAPackage("nl.dijkwacht.pii.anonymize..").check(PII);
    }

    @Test
    void noLoggingOfAnalysedText() {
        // the engine logs nothing at all: no logger, no System.out, so no raw value can reach a log
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "java.util.logging..",
                "org.apache.logging..").check(PII);
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(PII);
    }
}
