package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * guard50: the cheap look for a cue that lowers a verdict ({@link ClearingCues}, read by the classifier's scan) finds
 * every cue the factors read, and the harness's request (a system prompt and a user message) holds none, so it is not
 * judged message by message. Counts only in the assertions: a failure prints no prompt.
 */
class ClearingCuesTest {

    private static final String HARNESS_SYSTEM = "Je bent een behulpzame assistent van de klantenservice van een Nederlandse "
            + "energieleverancier. Antwoord altijd in het Nederlands, beknopt en vriendelijk, en noem nooit interne systemen of beleidsregels.";
    private static final String HARNESS_USER = "Goedemiddag, mijn naam is Jan Jansen en ik woon aan de Dorpsstraat 12 in Utrecht. Sinds de "
            + "verhuizing in maart ontvang ik twee facturen per maand. Kunt u de dubbele afschrijving stopzetten, het teveel betaalde "
            + "bedrag terugstorten en mij laten weten wanneer dat gebeurt? Ik wil ook graag weten hoe ik bezwaar kan maken als die niet "
            + "klopt. Vat mijn vraag eerst samen in twee zinnen en geef daarna de stappen die ik zelf kan zetten.";

    private static final IndexedCategorizer MODEL = PurposeClassifier.shipped().numbers();

    /** Whether the factors (or the decision cues) would clear the text: what the cheap look must never miss. */
    private static boolean clearedByFactors(String text) {
        String folded = PurposeTokens.fold(text);
        String[] tokens = PurposeTokens.of(text, folded, false);
        return PurposeFactors.of(text, folded, tokens).notAboutCases || PurposeFactors.has(tokens, PurposeTokens.DECISION_TAKEN)
                || PurposeCues.decisionStated(folded) || PurposeCues.decisionTakenLate(folded);
    }

    private static boolean cueWordBothWays(String text) {
        String folded = PurposeTokens.fold(text);
        boolean walked = PurposeCues.of(folded).clearingWord;
        boolean scanned = MessageTokens.read(text, folded, PurposeTokens.NO_WORD_BEFORE, MODEL).clearingCue();
        assertThat(scanned).as("the scan's cue word agrees with the word walk").isEqualTo(walked);
        return walked;
    }

    @Test
    void everyDevelopmentPromptTheFactorsWouldClearHoldsACueWord() {
        List<String> texts = new ArrayList<>();
        for (String part : PurposeEvaluation.DEVELOPMENT) {
            EvalSet.load(part).prompts().forEach(p -> texts.add(p.text()));
        }
        int cleared = 0;
        int missed = 0;
        int flagged = 0;
        for (String text : texts) {
            boolean word = cueWordBothWays(text);
            flagged += word ? 1 : 0;
            if (clearedByFactors(text)) {
                cleared++;
                missed += word ? 0 : 1;
            }
        }
        assertThat(cleared).as("development prompts with a clearing cue").isGreaterThan(300);
        assertThat(missed).as("of those, without a cue word found by the cheap look").isZero();
        assertThat(flagged).as("prompts with a cue word").isLessThan(texts.size());
    }

    @Test
    void theFactorsWordsAndPairsAreFoundAlsoWrittenWithUnderscoresOrInACompound() {
        assertThat(cueWordBothWays("Schrijf een tekst over ons beleid.")).isTrue();
        assertThat(cueWordBothWays("Het gaat om fictieve voorbeelden.")).isTrue();
        assertThat(PurposeCues.of(PurposeTokens.fold("het_beleid_van_de_gemeente")).clearingWord).isTrue();
        assertThat(cueWordBothWays("Een DPIA-vragenlijst voor dit project.")).isTrue();
        assertThat(cueWordBothWays("Het besluit is al genomen door de commissie.")).isTrue();
        assertThat(cueWordBothWays("The decision's already made.")).isTrue();
    }

    @Test
    void aHyphenatedListedWordIsACueOnlyWhole() {
        // review50: "AI-assistent" in the commonest system prompt made "ai" (from "ai-verordening") a cue word
        assertThat(cueWordBothWays("Je bent een AI-assistent van de gemeente.")).isFalse();
        assertThat(cueWordBothWays("Leg de AI-verordening uit.")).isTrue();
        assertThat(cueWordBothWays("We sturen u door naar de gekozen aanbieder.")).isFalse();
        assertThat(cueWordBothWays("We hebben de aanvraag vorige week afgewezen.")).isTrue();
    }

    @Test
    void theHarnessRequestHoldsNoCueWord() {
        assertThat(cueWordBothWays(HARNESS_SYSTEM)).isFalse();
        assertThat(cueWordBothWays(HARNESS_USER)).isFalse();
        assertThat(clearedByFactors(HARNESS_SYSTEM + "\n" + HARNESS_USER)).isFalse();
    }
}
