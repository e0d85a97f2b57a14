package nl.dijkwacht;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package rules from docs/architecture.md, kept honest by the build. */
@AnalyzeClasses(packages = "nl.dijkwacht", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule piiEngineStandsAlone = noClasses().that().resideInAPackage("nl.dijkwacht.pii..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
            .orShould().dependOnClassesThat().resideInAnyPackage(
                    "nl.dijkwacht.api..", "nl.dijkwacht.pipeline..", "nl.dijkwacht.policy..", "nl.dijkwacht.audit..",
                    "nl.dijkwacht.invoke..", "nl.dijkwacht.config..", "nl.dijkwacht.routing..", "nl.dijkwacht.response..");

    /** Detection knows nothing of what is done with a finding; anonymisation only reads the detection vocabulary. */
    @ArchTest
    static final ArchRule detectionAndAnonymisationStayApart = noClasses().that().resideInAPackage("nl.dijkwacht.pii.detect..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.dijkwacht.pii.anonymize..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("nl.dijkwacht.pii.PiiEngine");

    /** Word lists are shared by the PII engine and the purpose guard, so they know neither (nor Spring). */
    @ArchTest
    static final ArchRule wordListsStandAlone = noClasses().that().resideInAPackage("nl.dijkwacht.words..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "nl.dijkwacht.pii..",
                    "nl.dijkwacht.purpose..");

    @ArchTest
    static final ArchRule piiPackagesHaveNoCycles = slices().matching("nl.dijkwacht.pii.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule pipelineDoesNotKnowHttp = noClasses().that().resideInAPackage("nl.dijkwacht.pipeline..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.dijkwacht.api..", "jakarta.servlet..", "org.springframework.web..");

    /**
     * The servlet API is for the HTTP surface only: the routes and handlers (api, admin, audit.web, console), the
     * route filters (api.filter) and the Spring wiring (config). Identity, policy, pipeline steps and everything
     * behind them work on typed values.
     */
    @ArchTest
    static final ArchRule onlyTheHttpSurfaceTouchesServlets = noClasses().that().resideOutsideOfPackages(
                    "nl.dijkwacht.api..", "nl.dijkwacht.admin..", "nl.dijkwacht.audit.web..", "nl.dijkwacht.console..",
                    "nl.dijkwacht.config..")
            .and().resideInAPackage("nl.dijkwacht..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..");

    /** Credentials are read in one place: the authentication filter of the routes (wired in config). */
    @ArchTest
    // the console's sign-in (LocalAccounts: operator id + key on the embedded default) is the one other place that checks credentials
    static final ArchRule credentialsAreReadOnlyByTheAuthenticationFilter = noClasses().that().resideOutsideOfPackages(
                    "nl.dijkwacht.identity..", "nl.dijkwacht.api.filter..", "nl.dijkwacht.config..")
            .and().doNotHaveFullyQualifiedName("nl.dijkwacht.console.LocalAccounts")
            .should().dependOnClassesThat().haveFullyQualifiedName("nl.dijkwacht.identity.CallerAuthenticator")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("nl.dijkwacht.identity.Credentials")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("nl.dijkwacht.identity.TokenVerifier");

    /**
     * The console and the auditor API hold no SQL: they read through the query services of audit.query (and
     * audit.oversight, audit.retention), the same for both, so a page and an API answer can never disagree.
     */
    @ArchTest
    static final ArchRule pagesAndRoutesHoldNoSql = noClasses().that().resideInAnyPackage("nl.dijkwacht.console..", "nl.dijkwacht.audit.web..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..");

    /** The query services use JdbcTemplate, never connections they open and close by hand. */
    @ArchTest
    static final ArchRule queryServicesDoNotManageConnections = noClasses().that().resideInAPackage("nl.dijkwacht.audit.query..")
            .should().callMethod(javax.sql.DataSource.class, "getConnection")
            .orShould().callMethod(javax.sql.DataSource.class, "getConnection", String.class, String.class);

    @ArchTest
    static final ArchRule noVagueNames = classes().that().resideInAPackage("nl.dijkwacht..")
            .should().haveSimpleNameNotEndingWith("Manager")
            .andShould().haveSimpleNameNotEndingWith("Helper")
            .andShould().haveSimpleNameNotEndingWith("Util")
            .andShould().haveSimpleNameNotEndingWith("Utils");

    @ArchTest
    static final ArchRule noReactiveTypesInDomainCode = noClasses().that().resideInAPackage("nl.dijkwacht..")
            .should().dependOnClassesThat().resideInAnyPackage("reactor.core..");
}
