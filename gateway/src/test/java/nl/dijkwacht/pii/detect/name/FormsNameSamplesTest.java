package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import nl.dijkwacht.pii.evalforms.FormsEvalSet;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/** The forms' PERSON labels become name-model sentences on the engine's tokens. Fictitious people only. */
class FormsNameSamplesTest {

    private static FormsEvalSet.Doc doc(String marked) {
        return FormsEvalSet.parseMarkup("=== chat-001\n" + marked + "\n").get(0);
    }

    private static List<String> names(NameSample s) {
        return Arrays.stream(s.getNames())
                .map(n -> String.join(" ", Arrays.copyOfRange(s.getSentence(), n.getStart(), n.getEnd()))).toList();
    }

    @Test
    void labelsTheNameTokensPerSentenceAndKeepsSentencesWithoutAName() {
        int[] counts = new int[3];
        List<NameSample> samples = FormsNameSamples.of(List.of(doc(
                "Gesprek met mw. ⟦PERSON|A.J. de Wit-Okafor⟧ over de aanvraag.\nZij woont aan de ⟦~street|Jan Steenstraat⟧.")),
                counts);
        assertThat(samples).hasSize(3); // the engine's sentences end at every full stop, also "mw."
        assertThat(String.join(" ", samples.get(0).getSentence())).isEqualTo("Gesprek met mw .");
        assertThat(samples.get(0).getNames()).isEmpty();
        samples = samples.subList(1, 3);
        assertThat(names(samples.get(0))).containsExactly("A.J. de Wit-Okafor");
        assertThat(samples.get(1).getNames()).isEmpty();
        assertThat(String.join(" ", samples.get(1).getSentence())).isEqualTo("Zij woont aan de Jan Steenstraat .");
        assertThat(counts).containsExactly(3, 0, 1);
    }

    @Test
    void mapsLabelsThroughTheNormalForm() {
        int[] counts = new int[3];
        // the engine reads the text without the zero-width space; the label's offsets are in the original text
        List<NameSample> samples = FormsNameSamples.of(List.of(doc("Groet, ⟦PERSON|Sanne\u200B Bakker⟧")), counts);
        assertThat(samples).hasSize(1);
        assertThat(names(samples.get(0))).containsExactly("Sanne Bakker");
        assertThat(samples.get(0).getNames()[0]).isEqualTo(new Span(2, 4, "person"));
    }

    @Test
    void leavesOutASentenceWhoseLabelDoesNotFallOnWholeTokens() {
        int[] counts = new int[3];
        List<NameSample> samples = FormsNameSamples.of(List.of(doc(
                "Aan ⟦PERSON|Bakke⟧r gestuurd.\nVerder niets.")), counts);
        assertThat(samples).hasSize(1);
        assertThat(String.join(" ", samples.get(0).getSentence())).isEqualTo("Verder niets .");
        assertThat(counts).containsExactly(1, 1, 0);
    }

    @Test
    void leavesOutTheSentencesALabelRunsAcross() {
        int[] counts = new int[3];
        // a title with a full stop inside the label: the engine decodes "… dhr ." and "J. Smit …" apart
        List<NameSample> samples = FormsNameSamples.of(List.of(doc("Gesprek met ⟦PERSON|dhr. J. Smit⟧ gehad")), counts);
        assertThat(samples).isEmpty();
        assertThat(counts).containsExactly(0, 2, 0);
    }
}
