package nl.dijkwacht.pii.anonymize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.detect.EntityType;
import org.junit.jupiter.api.Test;

class PlaceholderRestorerTest {

    private static PlaceholderVault vault() {
        PlaceholderVault v = new PlaceholderVault();
        assertThat(v.placeholderFor(EntityType.PERSON, "Fatima el Amrani")).isEqualTo("[PERSOON_1]");
        assertThat(v.placeholderFor(EntityType.BSN, "111222333")).isEqualTo("[BSN_1]");
        assertThat(v.placeholderFor(EntityType.PERSON, "Jan de Vries")).isEqualTo("[PERSOON_2]");
        assertThat(v.placeholderFor(EntityType.DATE_OF_BIRTH, "12 maart 1961")).isEqualTo("[GEBOORTEDATUM_1]");
        return v;
    }

    private static final String ANSWER = "Beste [PERSOON_1], uw BSN [BSN_1] is bekend. [PERSOON_2] belt u. "
            + "Geboren: [GEBOORTEDATUM_1]. Zie [bijlage 2] en [PERSOON_9] en [persoon_1].";
    private static final String EXPECTED = "Beste Fatima el Amrani, uw BSN 111222333 is bekend. Jan de Vries belt u. "
            + "Geboren: 12 maart 1961. Zie [bijlage 2] en [PERSOON_9] en [persoon_1].";

    @Test
    void restoresWholeTextAndCountsMangledPlaceholders() {
        PlaceholderRestorer r = new PlaceholderRestorer(vault());
        assertThat(r.restoreAll(ANSWER)).isEqualTo(EXPECTED);
        assertThat(r.restoredCount()).isEqualTo(4);
        assertThat(r.unknownCount()).isEqualTo(2); // [PERSOON_9] unknown, [persoon_1] mangled; [bijlage 2] is text
    }

    @Test
    void restoresInsideToolCallJsonWithEscaping() throws Exception {
        PlaceholderVault v = new PlaceholderVault();
        String placeholder = v.placeholderFor(EntityType.PERSON, "Jan \"de\" Vries\\x");
        String json = "{\"to\":\"" + placeholder + "\",\"bsn\":\"[BSN_9]\"}";
        PlaceholderRestorer r = new PlaceholderRestorer(v);
        String restored = r.restoreAllInJson(json);
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(restored);
        assertThat(node.get("to").asText()).isEqualTo("Jan \"de\" Vries\\x");
        assertThat(node.get("bsn").asText()).isEqualTo("[BSN_9]");
        assertThat(r.restoredCount()).isEqualTo(1);
        assertThat(r.unknownCount()).isEqualTo(1);
    }

    @Test
    void samePlaceholderForSameValueWithinVault() {
        PlaceholderVault v = vault();
        assertThat(v.placeholderFor(EntityType.PERSON, "Fatima el Amrani")).isEqualTo("[PERSOON_1]");
        assertThat(v.placeholderFor(EntityType.PERSON, "Piet")).isEqualTo("[PERSOON_3]");
        assertThat(v.containsValue("fatima el  amrani")).isTrue();
        assertThat(v.containsValue("Klaas")).isFalse();
        assertThat(v.toString()).doesNotContain("Fatima");
    }

    @Test
    void streamsWithTwoChunksSplitAtEveryOffset() {
        for (int cut = 0; cut <= ANSWER.length(); cut++) {
            PlaceholderRestorer r = new PlaceholderRestorer(vault());
            StringBuilder out = new StringBuilder();
            r.onChunk(ANSWER.substring(0, cut), out::append);
            r.onChunk(ANSWER.substring(cut), out::append);
            r.onComplete(out::append);
            assertThat(out.toString()).as("split at %d", cut).isEqualTo(EXPECTED);
            assertThat(r.restoredCount()).as("split at %d", cut).isEqualTo(4);
            assertThat(r.unknownCount()).as("split at %d", cut).isEqualTo(2);
        }
    }

    @Test
    void streamsWithThreeChunksSplitAtEveryPairOfOffsetsAroundPlaceholders() {
        String text = "A [PERSOON_1][BSN_1]z [PERSOON_2]";
        String expected = "A Fatima el Amrani111222333z Jan de Vries";
        for (int a = 0; a <= text.length(); a++) {
            for (int b = a; b <= text.length(); b++) {
                PlaceholderRestorer r = new PlaceholderRestorer(vault());
                StringBuilder out = new StringBuilder();
                r.onChunk(text.substring(0, a), out::append);
                r.onChunk(text.substring(a, b), out::append);
                r.onChunk(text.substring(b), out::append);
                r.onComplete(out::append);
                assertThat(out.toString()).as("cuts %d,%d", a, b).isEqualTo(expected);
            }
        }
    }

    @Test
    void streamsCharacterByCharacterAndHoldsBackOnlyAPossiblePlaceholderTail() {
        PlaceholderRestorer r = new PlaceholderRestorer(vault());
        List<String> emitted = new ArrayList<>();
        StringBuilder sent = new StringBuilder();
        for (int i = 0; i < ANSWER.length(); i++) {
            r.onChunk(String.valueOf(ANSWER.charAt(i)), emitted::add);
            sent.append(ANSWER.charAt(i));
            int held = sent.length() - originalLengthEmitted(emitted);
            // never more than one placeholder's worth of text is held back
            assertThat(held).as("held back after %d chars", i + 1).isLessThanOrEqualTo(29);
        }
        r.onComplete(emitted::add);
        assertThat(String.join("", emitted)).isEqualTo(EXPECTED);
    }

    @Test
    void plainTextIsEmittedImmediately() {
        PlaceholderRestorer r = new PlaceholderRestorer(vault());
        List<String> emitted = new ArrayList<>();
        r.onChunk("Hallo, ", emitted::add);
        r.onChunk("dit is een [", emitted::add);
        assertThat(emitted).containsExactly("Hallo, ", "dit is een ");
        r.onChunk("link] klaar", emitted::add);
        assertThat(emitted).containsExactly("Hallo, ", "dit is een ", "[link] klaar");
    }

    /** Maps emitted (restored) text back to how much of the original it covers. */
    private static int originalLengthEmitted(List<String> emitted) {
        String e = String.join("", emitted);
        return e.replace("Fatima el Amrani", "[PERSOON_1]").replace("111222333", "[BSN_1]")
                .replace("Jan de Vries", "[PERSOON_2]").replace("12 maart 1961", "[GEBOORTEDATUM_1]").length();
    }
}
