package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which capitalised runs can be a person's name (fourteenth round, the special-category step). */
class PersonNameRunsTest {

    @Test
    void aPersonsNameInItsUsualForms() {
        assertThat(PersonNameRuns.anyPersonName("Aanwezig: Jeroen Kroes en Wendy Staal.")).isTrue();
        assertThat(PersonNameRuns.anyPersonName("burgerzaken: Noah en Sem de Lange willen hun zoon erkennen")).isTrue();
        assertThat(PersonNameRuns.anyPersonName("het dossier van J. Vos")).isTrue();
        assertThat(PersonNameRuns.anyPersonName("de beller \"J. de Ruiter\" uit het systeem")).as("an initialled name in quotes").isTrue();
        assertThat(PersonNameRuns.anyPersonName("het proces-verbaal over Jamal O., aangehouden")).as("a first name and an initial").isTrue();
        assertThat(PersonNameRuns.anyPersonName("Vertaal: 'Beste Sanne, zoals besproken werk ik thuis. Groet, Lotte Verbeek'"))
                .as("a pasted note in quotes keeps its names").isTrue();
    }

    @Test
    void nationalitiesProjectsAndShortTitlesAreNoPersons() {
        assertThat(PersonNameRuns.anyPersonName("een dag voor Turkse, Marokkaanse, Poolse, Syrische buurtbewoners")).isFalse();
        assertThat(PersonNameRuns.anyPersonName("veel Arabisch-, Turks-, Pools- en Oekraiens-sprekenden")).isFalse();
        assertThat(PersonNameRuns.anyPersonName("een tekst over het project Nieuwe Start voor ex-gedetineerden")).isFalse();
        assertThat(PersonNameRuns.anyPersonName("het raadsvoorstel 'Veilig Thuis-aanpak' voor de commissie")).isFalse();
    }

    @Test
    void withoutANameTheMarkersLoseTheNameAndItsConjunctions() {
        String text = "een tekst over het project Nieuwe Start voor ex-gedetineerden";
        assertThat(PurposeTokens.of(text, true)).contains(PurposeTokens.NAME);
        assertThat(PersonNameRuns.tokensWithoutName(text, PurposeTokens.fold(text), true))
                .doesNotContain(PurposeTokens.NAME, "__persoon+bijzonder", "__persoon+woord");
    }
}
