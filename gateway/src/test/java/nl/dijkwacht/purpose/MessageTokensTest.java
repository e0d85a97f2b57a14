package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The classifier's tokens put together from each message's part ({@link MessageTokens}, earlier messages from the table
 * of {@link MessageReadings}) are the tokens of the joined text, token for token — on every development prompt
 * (held-out-11 is never opened here) joined into conversations of two to six messages in many orders, turn by turn, and
 * on conversations made to cross the line break: a form of address ending one message and a name opening the next, a
 * particle or an empty message in between, a decision taken written over the break.
 */
class MessageTokensTest {

    private static final List<String> PARTS = List.of("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
            "heldout7", "heldout8", "heldout9", "heldout10");
    private static final SpecialCategoryRecognizer TERMS = new SpecialCategoryRecognizer();

    private static List<String> prompts;
    private static List<ForbiddenPurpose> rules;

    @BeforeAll
    static void load() {
        prompts = PARTS.stream().flatMap(part -> EvalSet.load(part).prompts().stream()).map(EvalSet.Prompt::text).toList();
        rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
    }

    @Test
    void theTokensPerMessageAreThoseOfTheJoinedText() {
        MessageReadings readings = new MessageReadings(TERMS, 4_096);
        List<List<String>> conversations = conversations();
        // twice: the second pass takes every earlier message from the table
        for (int pass = 0; pass < 2; pass++) {
            for (List<String> texts : conversations) {
                assertThat(perMessage(readings, texts)).as("%d messages", texts.size()).containsExactly(ofJoined(texts));
            }
        }
        assertThat(conversations.stream().mapToInt(List::size).max().orElseThrow()).isEqualTo(6);
    }

    @Test
    void aFormOfAddressEndingOneMessageNamesThePersonOpeningTheNext() {
        MessageReadings readings = new MessageReadings(TERMS, 4_096);
        List<List<String>> across = List.of(
                List.of("Schrijf een korte brief aan mevrouw", "Jansen over haar aanvraag."),
                List.of("Schrijf een korte brief aan mevrouw", "de Vries over haar aanvraag."),
                List.of("Schrijf een korte brief aan mevrouw", "de", "van", "Dijk over haar aanvraag."),
                List.of("Schrijf een korte brief aan mevrouw", "", "...", "Jansen over haar aanvraag."),
                List.of("de", "Vries belde vanochtend."),
                List.of("mevrouw", "de"),
                List.of("Anouk", "Jansen belde vanochtend."));
        for (List<String> texts : across) {
            // first read, then the earlier messages from the table
            for (int pass = 0; pass < 2; pass++) {
                assertThat(perMessage(readings, texts)).as(texts.toString()).containsExactly(ofJoined(texts));
            }
        }
        assertThat(ofJoined(across.get(0))).contains(PurposeTokens.TITLE_NAME);
        assertThat(ofJoined(across.get(2))).contains(PurposeTokens.TITLE_NAME);
        assertThat(ofJoined(across.get(3))).contains(PurposeTokens.TITLE_NAME);
        assertThat(perMessage(readings, across.get(2).subList(1, 4))).doesNotContain(PurposeTokens.TITLE_NAME);
    }

    @Test
    void everyPromptAfterAFormOfAddressOrBeforeAParticleOrADecisionTakenOverTheBreak() {
        MessageReadings readings = new MessageReadings(TERMS, 4_096);
        int titled = 0;
        int taken = 0;
        for (String p : prompts) {
            List<List<String>> made = List.of(List.of("Het gaat om meneer", p), List.of(p, "de Vries belde."),
                    List.of(p, "mevrouw", "van", p), List.of("Het besluit is", p), List.of(p + " Dat is", "afgewezen."));
            for (List<String> texts : made) {
                String[] expected = ofJoined(texts);
                assertThat(perMessage(readings, texts)).containsExactly(expected);
                assertThat(perMessage(readings, texts)).containsExactly(expected);
                titled += texts.get(0).endsWith("meneer") && List.of(expected).contains(PurposeTokens.TITLE_NAME) ? 1 : 0;
                taken += texts.get(1).equals("afgewezen.") && List.of(expected).contains(PurposeTokens.DECISION_TAKEN) ? 1 : 0;
            }
        }
        // both cross-boundary cases happen, and neither always
        assertThat(titled).isPositive().isLessThan(prompts.size());
        assertThat(taken).isEqualTo(prompts.size());
    }

    @Test
    void theGuardJudgesAsOnTheJoinedTextWhereTheRulesMatchItAlike() {
        LayeredPurposeGuard guard = new LayeredPurposeGuard(PurposeClassifier.shipped(), TERMS, 4_096);
        int refused = 0;
        int judged = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (List<String> texts : conversations()) {
                String joined = String.join("\n", texts);
                if (LayeredPurposeGuard.ruleHit(texts, rules) != LayeredPurposeGuard.ruleHit(List.of(joined), rules)) {
                    continue;
                }
                // one message: its tokens are read from the joined text as a whole
                Judgement expected = guard.judge(List.of(joined), rules, PurposeGuardPolicy.DEFAULTS, null);
                assertThat(guard.judge(texts, rules, PurposeGuardPolicy.DEFAULTS, null)).isEqualTo(expected);
                refused += expected.refusesPurpose() ? 1 : 0;
                judged++;
            }
        }
        assertThat(refused).isPositive().isLessThan(judged);
        assertThat(judged).isGreaterThan(2 * prompts.size());
    }

    private static String[] perMessage(MessageReadings readings, List<String> texts) {
        MessageReadings.Joined read = readings.read(texts, rules);
        return PurposeTokens.of(read.tokens(), PurposeTokens.fold(String.join("\n", texts)), read.specialTerm());
    }

    private static String[] ofJoined(List<String> texts) {
        String joined = String.join("\n", texts);
        return PurposeTokens.of(joined, PurposeTokens.fold(joined), !TERMS.find(joined).isEmpty());
    }

    /**
     * Each prompt alone, and every prompt in three shuffled orders cut into conversations of two to six, each sent turn
     * by turn as a chat tool sends it (turn n is turns 1..n, the earlier ones again unchanged).
     */
    private static List<List<String>> conversations() {
        List<List<String>> out = new ArrayList<>();
        prompts.forEach(p -> out.add(List.of(p)));
        Random random = new Random(11);
        for (int order = 0; order < 3; order++) {
            List<String> shuffled = new ArrayList<>(prompts);
            Collections.shuffle(shuffled, random);
            int from = 0;
            for (int turns = 2; from + turns <= shuffled.size(); from += turns, turns = turns == 6 ? 2 : turns + 1) {
                for (int turn = 2; turn <= turns; turn++) {
                    out.add(List.copyOf(shuffled.subList(from, from + turn)));
                }
            }
        }
        return out;
    }
}
