package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The word walk of PurposeCues (stems by their first two letters, no set of seen words) answers as the walk before it
 * did; the cues from the scan's words of an ASCII message ({@link PurposeCues.Words#scanWord}) are those of the walk.
 */
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

    @Test
    void theScansWordsGiveTheWalksCuesOnEveryEvaluationPromptAndMadeCase() {
        List<String> texts = new ArrayList<>(EvalSet.developmentTexts());
        // words joined by hyphens and apostrophes (the scan's one word, the walk's several), stems and listed words inside
        // them, digits, a stem at the end of the text, phrases and a decision taken
        for (String stem : PurposeCues.SPECIAL_STEMS) {
            texts.add("Anti-" + stem + "x en zo'n " + stem.toUpperCase(java.util.Locale.ROOT) + "-zaak");
            texts.add("x-" + stem);
            texts.add(stem.substring(0, 2) + " " + stem.substring(2));
        }
        texts.addAll(List.of("Zij heeft MS-klachten en long covid.", "Het besluit is al-genomen? Ja: al genomen.", "'t Is depressie-achtig",
                "e-mail 06-12345678 NL91ABNA0417164300", "--sick leave--", "gisteren afgewezen", "a'b'c-d-e", "-", "'", ""));
        int special = 0;
        int decision = 0;
        int scanned = 0;
        for (String text : texts) {
            boolean ascii = PurposeTokens.isAscii(text);
            String folded = PurposeTokens.fold(text, ascii);
            PurposeCues walked = PurposeCues.of(folded);
            if (!PurposeTokens.cueWordsFit(text, folded, ascii)) {
                continue;
            }
            PurposeCues.Words words = new PurposeCues.Words();
            PurposeTokens.scan(text, folded, ascii, PurposeTokens.NO_WORD_BEFORE, token -> { }, words);
            PurposeCues fromScan = words.cues(folded);
            assertThat(new boolean[] {fromScan.specialWord, fromScan.decisionTaken}).as(text)
                    .containsExactly(walked.specialWord, walked.decisionTaken);
            scanned++;
            special += walked.specialWord ? 1 : 0;
            decision += walked.decisionTaken ? 1 : 0;
        }
        assertThat(scanned).isGreaterThan(texts.size() / 2);
        assertThat(special).isGreaterThan(100);
        assertThat(decision).isPositive();
    }

    @Test
    void aTextWithAnUnderscoreOrNotAsciiIsWalkedItself() {
        // "_" joins words for the walk ("long_covid" is one word there) but not for the scan
        assertThat(PurposeTokens.cueWordsFit("long_covid", "long_covid", true)).isFalse();
        assertThat(PurposeTokens.cueWordsFit("Één", PurposeTokens.fold("Één"), false)).isFalse();
        assertThat(PurposeTokens.cueWordsFit("een", "een", true)).isTrue();
    }
}
