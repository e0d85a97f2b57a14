package nl.dijkwacht.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import nl.dijkwacht.pii.anonymize.Operator;
import org.junit.jupiter.api.Test;

/** The console names what a use-case does with personal data in Dutch, for every operator the policy knows. */
class ConsoleLabelsTest {

    @Test
    void everyPiiOperatorOfThePolicyHasADutchTextWithItsPolicyWord() {
        ConsoleLabels labels = new ConsoleLabels();
        for (Operator operator : Operator.values()) {
            String word = operator.name().toLowerCase(Locale.ROOT);
            assertThat(labels.piiOperator(word)).as(word).isNotEqualTo(word).endsWith(" (" + word + ")");
        }
        assertThat(labels.piiOperator("redact")).isEqualTo("weglakken (redact)");
        assertThat(labels.piiOperator(null)).isEqualTo("–");
    }
}
