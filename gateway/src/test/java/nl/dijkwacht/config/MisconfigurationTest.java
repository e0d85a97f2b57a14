package nl.dijkwacht.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.dijkwacht.DijkwachtApplication;
import nl.dijkwacht.support.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A setting that cannot work stops the start with one sentence that names it — not a stack trace, and never the
 * (possibly secret) value.
 */
@ExtendWith(OutputCaptureExtension.class)
class MisconfigurationTest {

    @Test
    void aSecretKeyThatIsNotBase64IsNamed(CapturedOutput output) throws Exception {
        Throwable failure = start("--dijkwacht.secret-key=geheim-wachtwoord-met-streepjes-2026");
        assertThat(failure).hasRootCauseInstanceOf(InvalidSettingException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Dijkwacht cannot start: dijkwacht.secret-key (DIJKWACHT_SECRET_KEY): the value is not base64")
                .contains("openssl rand -base64 32")
                .doesNotContain("Illegal base64 character")
                .doesNotContain("geheim-wachtwoord");
    }

    @Test
    void aShortSecretKeyIsNamed() {
        var properties = new DijkwachtProperties(null, null, null, null, null, null, "c2hvcnQ=", null, null, null);
        assertThat(catchThrowable(() -> SecretKeys.load(properties)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("dijkwacht.secret-key (DIJKWACHT_SECRET_KEY): the key is 5 bytes; at least 32 bytes are needed.");
    }

    /** A settings record refuses the value while Spring binds it; the report is still the one sentence, not Spring's. */
    @Test
    void aWarmUpCountThatCannotWorkIsNamed(CapturedOutput output) throws Exception {
        Throwable failure = start("--dijkwacht.warm-up.http-threads=0");
        assertThat(failure).hasRootCauseInstanceOf(InvalidSettingException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Dijkwacht cannot start: dijkwacht.warm-up.http-threads (DIJKWACHT_WARM_UP_HTTP_THREADS): at least one thread")
                .doesNotContain("Failed to bind properties");
    }

    @Test
    void aLookUpWindowOfNoAnswersIsNamed(CapturedOutput output) throws Exception {
        Throwable failure = start("--dijkwacht.audit.other-choices-window=0");
        assertThat(failure).hasRootCauseInstanceOf(InvalidSettingException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Dijkwacht cannot start: dijkwacht.audit.other-choices-window (DIJKWACHT_AUDIT_OTHER_CHOICES_WINDOW): "
                        + "the number of answers must be between 1 and 1000000.")
                .doesNotContain("Failed to bind properties");
    }

    @Test
    void aSwitchThatIsNotTrueOrFalseIsNamed(CapturedOutput output) throws Exception {
        start("--dijkwacht.pipeline.start-ahead=misschien");
        assertThat(output.getOut() + output.getErr())
                .contains("Dijkwacht cannot start: dijkwacht.pipeline.start-ahead (DIJKWACHT_PIPELINE_START_AHEAD): the value is not true or false.")
                .doesNotContain("Failed to bind properties")
                .doesNotContain("misschien");
    }

    @Test
    void anUnreachableAuditStoreIsNamed(CapturedOutput output) throws Exception {
        start("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + FreePort.find() + "/dijkwacht",
                "--spring.datasource.hikari.connection-timeout=1000");
        assertThat(output.getOut() + output.getErr())
                .contains("Dijkwacht cannot start: the audit store (spring.datasource.url, SPRING_DATASOURCE_URL) cannot be reached (SQLState 08001");
    }

    /** A policy pack that does not load stops the start with its problems (file:line: field: what), not a stack trace (policy27). */
    @Test
    void aPolicyThatDoesNotLoadStopsTheStartWithItsProblems(CapturedOutput output) throws Exception {
        Path pack = Files.createTempDirectory("dw-misconfig-pack");
        nl.dijkwacht.policy.TestPack copy = nl.dijkwacht.policy.TestPack.copyOfDefault(pack);
        copy.replace("policies/use-cases/brieven-opstellen.yaml", "title: Brieven", "title: &titel Brieven")
                .replace("policies/use-cases/brieven-opstellen.yaml",
                        "purpose: Concepten van brieven aan inwoners opstellen, die een medewerker controleert en verstuurt.", "purpose: *titel");
        Throwable failure = start("--dijkwacht.policies-dir=" + copy.policies, "--dijkwacht.models-dir=" + copy.models);
        assertThat(failure).hasRootCauseInstanceOf(nl.dijkwacht.policy.PolicyLoadException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Dijkwacht cannot start: the policy (dijkwacht.policies-dir, dijkwacht.models-dir) is invalid; nothing of it was loaded.")
                .contains(copy.policies.resolve("use-cases/brieven-opstellen.yaml") + ":5: 'purpose': een verwijzing naar een anker (*titel)")
                .contains("exec:exec -Dpolicies=<dir> -Dmodels=<dir>")
                .doesNotContain("\tat nl.dijkwacht");
    }

    /**
     * identity49: on a gateway with several tenants, two identity providers that both claim the default tenant as their
     * own — which of them may act for it is not for the gateway to guess. Before, it started and accepted both. (With one
     * tenant that separates nobody, and it starts: IssuerTenantsCheckTest, review49.)
     */
    @Test
    void aTenantClaimedByTwoIssuersStopsTheStart(CapturedOutput output) throws Exception {
        Throwable failure = start("--dijkwacht.tenants.gemeente-b.policies-dir=" + Path.of("../policies").toAbsolutePath().normalize(),
                "--dijkwacht.identity.issuers[0].id=adfs", "--dijkwacht.identity.issuers[0].issuer-uri=https://adfs.gemeente.example/adfs",
                "--dijkwacht.identity.issuers[0].audiences[0]=dijkwacht", "--dijkwacht.identity.issuers[0].tenant=gemeente",
                "--dijkwacht.identity.issuers[1].id=entra", "--dijkwacht.identity.issuers[1].issuer-uri=https://login.microsoftonline.com/x/v2.0",
                "--dijkwacht.identity.issuers[1].audiences[0]=dijkwacht", "--dijkwacht.identity.issuers[1].tenant=gemeente");
        assertThat(failure).hasRootCauseInstanceOf(InvalidSettingException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Dijkwacht cannot start: dijkwacht.identity.issuers[1].tenant (DIJKWACHT_IDENTITY_ISSUERS_1_TENANT): "
                        + "tenant 'gemeente' is the fixed tenant of two issuers, 'adfs' and 'entra'");
    }

    /** identity49: the signing-key limits are settings now, with bounds; one outside them is named at start-up. */
    @Test
    void aSigningKeyRefetchIntervalOutsideItsBoundsIsNamed(CapturedOutput output) throws Exception {
        Throwable failure = start("--dijkwacht.identity.signing-keys.refetch-interval=1s");
        assertThat(failure).hasRootCauseInstanceOf(InvalidSettingException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Dijkwacht cannot start: dijkwacht.identity.signing-keys.refetch-interval "
                        + "(DIJKWACHT_IDENTITY_SIGNING_KEYS_REFETCH_INTERVAL): must lie between 5 seconds and 10 minutes");
    }

    @Test
    void keysKeptLongerThanADayDuringAnOutageAreNamed(CapturedOutput output) throws Exception {
        start("--dijkwacht.identity.signing-keys.keep-during-outage=7d");
        assertThat(output.getOut() + output.getErr())
                .contains("Dijkwacht cannot start: dijkwacht.identity.signing-keys.keep-during-outage")
                .contains("must lie between the refetch interval and 24 hours");
    }

    private static Throwable start(String... args) throws Exception {
        Path dir = Files.createTempDirectory("dw-misconfig");
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        all.add("--server.port=0");
        all.add("--dijkwacht.data-dir=" + dir);
        if (all.stream().noneMatch(a -> a.startsWith("--dijkwacht.policies-dir="))) {
            all.add("--dijkwacht.policies-dir=" + Path.of("../policies").toAbsolutePath().normalize());
            all.add("--dijkwacht.models-dir=" + Path.of("../models-config").toAbsolutePath().normalize());
        }
        if (all.stream().noneMatch(a -> a.startsWith("--spring.datasource.url="))) {
            all.add("--spring.datasource.url=jdbc:h2:mem:misconfig" + System.nanoTime());
        }
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(DijkwachtApplication.class)
                .run(all.toArray(String[]::new)).close());
        assertThat(failure).as("the gateway must not start").isNotNull();
        return failure;
    }
}
