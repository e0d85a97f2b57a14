package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The classifier's input put together from each message's numbers ({@link MessageTokens}, earlier messages from the
 * table of {@link MessageReadings}) is that of the joined text, number for number and bit for bit — on every development
 * prompt alone and joined into conversations of two to six messages in many orders,
 * turn by turn, twice; and on conversations made to cross the line break: a form of address ending one message and a
 * name opening the next, a particle or an empty message in between, a decision taken written over the break in every
 * way the cue's words can be cut.
 */
class MessageTokensTest {

    private static final SpecialCategoryRecognizer TERMS = new SpecialCategoryRecognizer();

    private static List<String> prompts;
    private static List<ForbiddenPurpose> rules;
    private static DoccatModel model;
    private static IndexedCategorizer numbers;

    @BeforeAll
    static void load() {
        prompts = EvalSet.developmentTexts();
        rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
        model = PurposeClassifier.shippedModel();
        numbers = IndexedCategorizer.of(model).orElseThrow();
    }

    @Test
    void theNumbersPerMessageAreThoseOfTheJoinedText() {
        MessageReadings readings = new MessageReadings(TERMS, 4_096, numbers);
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        List<List<String>> conversations = conversations();
        int titled = 0;
        // twice: the second pass takes every earlier message from the table
        for (int pass = 0; pass < 2; pass++) {
            for (List<String> texts : conversations) {
                MessageTokens.Joined composed = readings.read(texts, rules).tokens();
                String[] joined = ofJoined(texts);
                assertSame(composed, texts, texts.size() + " messages");
                // the categorizer on the joined text's strings: the same probabilities, bit for bit
                assertThat(Arrays.equals(numbers.categorize(composed.numbers(), composed.pairs()), categorizer.categorize(joined)))
                        .as("probabilities of %d messages", texts.size()).isTrue();
                titled += List.of(composed.markers()).contains(PurposeTokens.TITLE_NAME) ? 1 : 0;
            }
        }
        assertThat(conversations.stream().mapToInt(List::size).max().orElseThrow()).isEqualTo(6);
        assertThat(titled).isPositive();
    }

    @Test
    void theCarryMattersInRealConversations() {
        // a mutant that forgets what the message before left: every message read as if it stood alone
        int differ = 0;
        for (List<String> texts : conversations()) {
            MessageTokens[] alone = texts.stream()
                    .map(t -> MessageTokens.read(t, PurposeTokens.fold(t), PurposeTokens.NO_WORD_BEFORE, numbers))
                    .toArray(MessageTokens[]::new);
            MessageTokens.Joined forgetful = MessageTokens.join(alone, !TERMS.find(String.join("\n", texts)).isEmpty(), numbers);
            differ += Arrays.equals(forgetful.numbers(), numbered(ofJoined(texts))) ? 0 : 1;
        }
        assertThat(differ).isPositive();
    }

    @Test
    void aFormOfAddressEndingOneMessageNamesThePersonOpeningTheNext() {
        MessageReadings readings = new MessageReadings(TERMS, 4_096, numbers);
        List<List<String>> across = List.of(
                List.of("Schrijf een korte brief aan mevrouw", "Jansen over haar aanvraag."),
                List.of("Schrijf een korte brief aan mevrouw", "de Vries over haar aanvraag."),
                List.of("Schrijf een korte brief aan mevrouw", "de", "van", "Dijk over haar aanvraag."),
                List.of("Schrijf een korte brief aan mevrouw", "", "...", "Jansen over haar aanvraag."),
                List.of("de", "Vries belde vanochtend."),
                List.of("mevrouw", "de"),
                List.of("Anouk", "Jansen belde vanochtend."),
                List.of("Wat vond meneer", "?", "Bakker ervan?"));
        for (List<String> texts : across) {
            // first read, then the earlier messages from the table
            for (int pass = 0; pass < 2; pass++) {
                assertSame(readings.read(texts, rules).tokens(), texts, texts.toString());
            }
        }
        assertThat(ofJoined(across.get(0))).contains(PurposeTokens.TITLE_NAME);
        assertThat(ofJoined(across.get(2))).contains(PurposeTokens.TITLE_NAME);
        assertThat(ofJoined(across.get(3))).contains(PurposeTokens.TITLE_NAME);
        assertThat(readings.read(across.get(2).subList(1, 4), rules).tokens().markers()).doesNotContain(PurposeTokens.TITLE_NAME);
    }

    @Test
    void everyPromptAfterAFormOfAddressOrBeforeAParticleOrADecisionTakenOverTheBreak() {
        MessageReadings readings = new MessageReadings(TERMS, 4_096, numbers);
        int titled = 0;
        int taken = 0;
        for (String p : prompts) {
            List<List<String>> made = List.of(List.of("Het gaat om meneer", p), List.of(p, "de Vries belde."),
                    List.of(p, "mevrouw", "van", p), List.of("Het besluit is", p), List.of(p + " Dat is", "afgewezen."),
                    List.of(p + " Het is al", "", "besloten, schrijf de brief."));
            for (List<String> texts : made) {
                String[] expected = ofJoined(texts);
                assertSame(readings.read(texts, rules).tokens(), texts, "made");
                assertSame(readings.read(texts, rules).tokens(), texts, "made, from the table");
                titled += texts.get(0).endsWith("meneer") && List.of(expected).contains(PurposeTokens.TITLE_NAME) ? 1 : 0;
                taken += texts.get(texts.size() - 1).startsWith("afgewezen") && List.of(expected).contains(PurposeTokens.DECISION_TAKEN)
                        ? 1 : 0;
            }
        }
        // both cross-boundary cases happen, and the first not always
        assertThat(titled).isPositive().isLessThan(prompts.size());
        assertThat(taken).isEqualTo(prompts.size());
    }

    /**
     * Every way of cutting the cue's words into up to three messages: auxiliaries, the words between, participles,
     * whitespace-only and empty messages, punctuation and other words, each sequence and each of its turns.
     */
    @Test
    void aDecisionTakenOverTheBreakInEveryCut() {
        List<String> pieces = List.of("is", "al", "zelf", "afgewezen.", "", " \t", "Dat is", "al besloten", "x", "(is", "heeft al",
                "genomen", "gisteren genomen", "al al", ". al", "werden", "besloten x", "is-");
        MessageReadings readings = new MessageReadings(TERMS, 0, numbers);
        int taken = 0;
        int made = 0;
        for (String a : pieces) {
            for (String b : pieces) {
                for (String c : pieces) {
                    for (List<String> texts : List.of(List.of(a, b), List.of(a, b, c))) {
                        String[] expected = ofJoined(texts);
                        MessageTokens.Joined composed = readings.read(texts, List.of()).tokens();
                        assertThat(composed.markers()).as("%s", texts).containsExactly(markers(expected, texts));
                        taken += List.of(expected).contains(PurposeTokens.DECISION_TAKEN) ? 1 : 0;
                        made++;
                    }
                }
            }
        }
        assertThat(taken).isPositive().isLessThan(made);
        // read per message without the break's edges, the cue would be lost
        List<String> over = List.of("Dat is", "", "al", "afgewezen.");
        assertThat(ofJoined(over)).contains(PurposeTokens.DECISION_TAKEN);
        assertThat(over.stream().map(t -> ofJoined(List.of(t))).flatMap(Arrays::stream)).doesNotContain(PurposeTokens.DECISION_TAKEN);
    }

    @Test
    void theGuardJudgesAsOnTheJoinedTextsTokens() {
        // numbers per message, earlier ones from the table, against the categorizer on the joined text (no table)
        LayeredPurposeGuard numbered = new LayeredPurposeGuard(new PurposeClassifier(model, true), TERMS, 4_096);
        LayeredPurposeGuard joined = new LayeredPurposeGuard(new PurposeClassifier(model, false), TERMS, 0);
        int refused = 0;
        int judged = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (List<String> texts : conversations()) {
                Judgement expected = joined.judge(texts, rules, PurposeGuardPolicy.DEFAULTS, null);
                assertThat(numbered.judge(texts, rules, PurposeGuardPolicy.DEFAULTS, null)).isEqualTo(expected);
                refused += expected.refusesPurpose() ? 1 : 0;
                judged++;
            }
        }
        assertThat(refused).isPositive().isLessThan(judged);
        assertThat(judged).isGreaterThan(2 * prompts.size());
    }

    @Test
    void aLongEarlierMessageKeepsNoTokensAndIsReadAgain() {
        MessageReadings readings = new MessageReadings(TERMS, 4_096, numbers);
        String longMessage = String.join("\n", prompts.subList(0, 40));
        assertThat(longMessage.length()).isGreaterThan(MessageReadings.KEEP_TOKENS_UP_TO);
        List<String> texts = List.of(longMessage, "Vat dit samen voor meneer", "Jansen.");
        for (int pass = 0; pass < 2; pass++) {
            assertSame(readings.read(texts, rules).tokens(), texts, "long");
        }
    }

    /** The composed input equals the joined text's tokens, numbered, with the same markers at the end. */
    private static void assertSame(MessageTokens.Joined composed, List<String> texts, String what) {
        String[] joined = ofJoined(texts);
        int[] expected = numbered(joined);
        assertThat(composed.numbers()).as(what).containsExactly(expected);
        assertThat(composed.pairs()).as(what).containsExactly(numbers.pairs(expected));
        assertThat(composed.markers()).as(what).containsExactly(markers(joined, texts));
    }

    private static int[] numbered(String[] tokens) {
        return Arrays.stream(tokens).mapToInt(numbers::number).toArray();
    }

    /** The markers at the end of the joined text's tokens: what follows its word tokens. */
    private static String[] markers(String[] tokens, List<String> texts) {
        String joined = String.join("\n", texts);
        List<String> words = new ArrayList<>();
        PurposeTokens.scan(joined, PurposeTokens.fold(joined), PurposeTokens.NO_WORD_BEFORE, words::add);
        return Arrays.copyOfRange(tokens, words.size(), tokens.length);
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
