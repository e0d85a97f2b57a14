package nl.dijkwacht.console.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the console's explain result says about the models called: the guard model is a model too. */
class ExplainViewTest {

    private static ExplainView withPurposeStep(ExplainView.GuardView guard) {
        List<ExplainView.StepView> steps = List.of(
                new ExplainView.StepView("use-case", "continue", null, null, null, null, null),
                new ExplainView.StepView("purpose", "continue", null, null, null, null, guard));
        return new ExplainView("v1", "allowed", null, null, steps, List.of(), List.of(), null, null, List.of(), null);
    }

    @Test
    void stepsOutcomesAndTheVerdictAreInDutch() {
        ExplainView view = new ExplainView("v1", "redacted", "pii:redacted", null, List.of(
                new ExplainView.StepView("pii", "rewrite", "pii:redacted", "redacted", null, null, null),
                new ExplainView.StepView("token-budget", "skipped", null, null, null, "geen quotum verbruikt", null),
                new ExplainView.StepView("use-case", "continue", null, null, null, null, null)),
                List.of(), List.of(), null, null, List.of(), null);
        assertThat(view.verdict()).isEqualTo("doorgelaten, met persoonsgegevens vervangen,");
        assertThat(view.steps()).extracting(ExplainView.StepView::title)
                .containsExactly("Persoonsgegevens zoeken en vervangen", "Tokenbudget", "Toepassing (use-case) bepalen en toestaan");
        assertThat(view.steps()).extracting(ExplainView.StepView::outcomeLabel).containsExactly("aangepast", "overgeslagen", "doorgelaten");
    }

    @Test
    void noGuardModelNoModelCalled() {
        assertThat(withPurposeStep(null).modelsCalled()).isEqualTo("Er is geen model aangeroepen.");
    }

    @Test
    void theGuardModelAskedInTheUnsureBandIsNamedWithItsQuestionsAndAnswers() {
        String text = withPurposeStep(new ExplainView.GuardView(true, List.of(
                new ExplainView.GuardCallView("controle", "forbidden-purpose", "no"),
                new ExplainView.GuardCallView("controle", "personal-special-category", "failed:timeout")), null)).modelsCalled();
        assertThat(text).doesNotContain("geen model aangeroepen")
                .contains("niet aangeroepen", "controlemodel controle", "verboden doel? Antwoord: nee",
                        "herkenbaar persoon? Antwoord: geen bruikbaar antwoord (timeout)");
    }

    @Test
    void aDryExplainSaysWhichQuestionsWereNotAsked() {
        String text = withPurposeStep(new ExplainView.GuardView(false, null, List.of("forbidden-purpose"))).modelsCalled();
        assertThat(text).startsWith("Er is geen model aangeroepen.").contains("niet gevraagd", "verboden doel?");
    }
}
