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
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=dev       # any part of FormsEvalSet.allParts()
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms=paste45heldout  # an unseen part: figures only, lead only
 * ./mvnw -q -B -pl gateway test -Dtest=FormsEvaluationCommand -Dpii.forms.build=true  # markup → JSONL
 * </pre>
 *
 * The parts and their status (development, generated, unseen) are listed in {@link FormsEvalSet} and its README.
 * The report is written to {@code gateway/target/pii-eval-forms-<split>.md}. Skipped in the ordinary test run.
 */
class FormsEvaluationCommand {

    @Test
    @EnabledIfSystemProperty(named = "pii.forms", matches = ".+") // FormsEvaluation refuses a name not in FormsEvalSet.allParts()
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
