package nl.dijkwacht.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import nl.dijkwacht.pii.anonymize.Operator;
import org.junit.jupiter.api.Test;

/**
 * The console names what a use-case does with personal data in Dutch, for every operator the policy knows, and shows
 * values others chose with their invisible controls written out.
 */
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

    @Test
    void invisibleControlsAreWrittenOutAndEverythingElseStays() {
        ConsoleLabels labels = new ConsoleLabels();
        // Trojan Source: shows as "Burgerzakenexe.png" with the override, as what it is without
        assertThat(labels.shown("Burgerzaken\u202Egnp.exe\u202C")).isEqualTo("Burgerzaken[U+202E]gnp.exe[U+202C]");
        assertThat(labels.shown("\u2067x\u2069\u2066\u200E\u200F\u061C")).isEqualTo("[U+2067]x[U+2069][U+2066][U+200E][U+200F][U+061C]");
        assertThat(labels.shown("Soc\u200Biaal\u2060\uFEFF")).isEqualTo("Soc[U+200B]iaal[U+2060][U+FEFF]");
        // emoji joiners, combining marks, astral characters, markup and line breaks are the value itself
        String kept = "\uD83D\uDC69\u200D\uD83D\uDC67 e\u0301 \u05d0\u05d1 <img src=x> =SUM(1)\nregel";
        assertThat(labels.shown(kept)).isSameAs(kept);
        assertThat(labels.shownList(java.util.List.of("a\u202Eb", "c"))).isEqualTo("a[U+202E]b, c");
        assertThat(labels.shown(null)).isNull();
    }

    /**
     * review44: what else shows as nothing is written out too — Unicode tag characters (text hidden after a value:
     * "ASCII smuggling"), the soft hyphen and other format characters, control characters other than line breaks and
     * tabs; the joiners and line breaks stay.
     */
    @Test
    void tagCharactersFormatCharactersAndControlsAreWrittenOut() {
        ConsoleLabels labels = new ConsoleLabels();
        // "Burgerzaken" followed by "hi" in tag characters (U+E0068, U+E0069): it shows as "Burgerzaken" alone
        assertThat(labels.shown("Burgerzaken\uDB40\uDC68\uDB40\uDC69")).isEqualTo("Burgerzaken[U+E0068][U+E0069]");
        assertThat(labels.shown("Soc\u00ADiaal\u0008\u001B\u0085")).isEqualTo("Soc[U+00AD]iaal[U+0008][U+001B][U+0085]");
        String kept = "a\tb\r\nc \u200C\u200D";
        assertThat(labels.shown(kept)).isSameAs(kept);
    }
}
