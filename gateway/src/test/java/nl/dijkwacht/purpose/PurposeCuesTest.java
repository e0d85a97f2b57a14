package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The word walk of PurposeCues (stems by first letter, no set of seen words) answers as the walk before it did. */
class PurposeCuesTest {

    @Test
    void sameCuesAsTheWalkBeforeOnEveryDevelopmentPrompt() {
        List<EvalSet.Prompt> prompts = EvalSet.load("dev").prompts();
        assertThat(prompts).hasSizeGreaterThan(100);
        int special = 0;
        int decision = 0;
        for (EvalSet.Prompt p : prompts) {
            String folded = PurposeTokens.fold(p.text());
            PurposeCues now = PurposeCues.of(folded);
            boolean[] before = PurposeCuesBefore.of(folded);
            assertThat(new boolean[] {now.specialWord, now.decisionTaken}).as("dev prompt %s", p.detail()).containsExactly(before);
            special += now.specialWord ? 1 : 0;
            decision += now.decisionTaken ? 1 : 0;
        }
        assertThat(special).as("prompts with a special-category word").isPositive();
        assertThat(decision).as("prompts with a decision taken").isPositive();
    }

    @Test
    void everyStemIsFoundWhereverItsWordRepeats() {
        for (String stem : PurposeCues.SPECIAL_STEMS) {
            String folded = "de " + stem + "x en nog eens " + stem + "x";
            assertThat(PurposeCues.of(folded).specialWord).as(stem).isTrue();
            assertThat(PurposeCuesBefore.of(folded)[0]).as(stem).isTrue();
        }
        assertThat(PurposeCues.of("het besluit is al genomen, al genomen").decisionTaken).isTrue();
        assertThat(PurposeCues.of("een gewone vraag over de planning").specialWord).isFalse();
    }

    @Test
    void anInflectedFormOrACompoundOfAListedWordIsThatWordForANamedPerson() {
        for (String form : List.of("gedetineerden", "reclasseringsadvies", "strafbladen", "veroordeelde", "detentieverleden")) {
            assertThat(PurposeCues.formOfListedWord(form)).as(form).isTrue();
            assertThat(PurposeCues.moreSpecial("meneer kok, " + form)).as(form).isTrue();
        }
        // the rest after "afkomst" is no inflection and no word of its own; "bond" and "kerk" are too short to build on
        for (String other : List.of("afkomstig", "bondgenoot", "kerkhof", "reclassering")) {
            assertThat(PurposeCues.formOfListedWord(other)).as(other).isFalse();
        }
    }

    @Test
    void wordsOfAsciiTextAreFoldedAsOneByOne() {
        // ASCII text takes each word's fold from the folded text; text with accents folds word by word, as before
        String ascii = "Schrijf een brief aan mevrouw De Vries over haar DEPRESSIE en de Wmo.";
        String accented = "Schrijf een brief aan mevrouw Één-Vriës over haar DEPRESSIE en de Wmo.";
        assertThat(PurposeTokens.of(ascii, false)).contains("mevrouw", "de", "vries", "depressie", "wmo", "p:depre");
        assertThat(PurposeTokens.of(accented, false)).contains("mevrouw", "een-vries", "depressie", "wmo", "p:depre");
        // the same words with an accent that folds away: the word-by-word path gives the same tokens
        assertThat(PurposeTokens.of(ascii, false)).containsExactly(PurposeTokens.of(ascii.replace("Vries", "Vriës"), false));
    }
}
