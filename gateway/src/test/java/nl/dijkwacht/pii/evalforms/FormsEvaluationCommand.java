package nl.dijkwacht.pii.evalforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The evaluation commands of the forms set as tests that run only when asked for (also available without surefire
 * as {@code exec:exec@pii-forms-eval} and {@code exec:exec@pii-forms-build}, see gateway/pom.xml):
 *
 * <pre>
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=dev       # development part
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout   # old held-out part (development data since round 3)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout3  # held-out-3 (development data since round 4)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout4  # held-out-4 (development data since round 5)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout5  # held-out-5 (development data since round 6)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout6  # held-out-6 (development data since round 7)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout7  # held-out-7 (development data since round 8)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout8  # held-out-8 (development data since round 9)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout9  # held-out-9 (development data since round 10)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout10  # held-out-10 (development data since round 11)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout11  # held-out-11 (development data since round 12)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout12  # held-out-12 (development data since round 15)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=paste45    # paste-45 set, development part
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=paste45heldout  # paste-45 held-out (figures only)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=paste46    # paste-46 set, development part
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=paste46heldout  # paste-46 held-out (figures only)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout13  # held-out-13 (development data since round 14)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout14  # held-out-14 (development data since round 15)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout15  # held-out-15 (development data since session 49)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout16  # held-out-16 (development data since session 50)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=heldout17  # held-out-17 (unseen: figures only, lead only)
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms.build=true  # markup → JSONL
 * </pre>
 *
 * The report is written to {@code gateway/target/pii-eval-forms-<split>.md}. Skipped in the ordinary test run.
 */
class FormsEvaluationCommand {

    @Test
    @EnabledIfSystemProperty(named = "pii.forms", matches = "dev|heldout|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|heldout11|heldout12|heldout13|heldout14|heldout15|heldout16|heldout17|paste45|paste45heldout|paste46|paste46heldout")
    void evaluate() throws IOException {
        String split = System.getProperty("pii.forms");
        FormsEvaluation.main(new String[] {split});
        assertThat(Files.exists(Path.of("target/pii-eval-forms-" + split + ".md"))).isTrue();
    }

    @Test
    @EnabledIfSystemProperty(named = "pii.forms.build", matches = "true")
    void build() throws IOException {
        FormsEvalSetBuilder.main(new String[0]);
    }
}
