package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * fuzz26: the birth-bracket links searched {@code for (open = indexOf('('); open > 1; …)} and so stopped at a bracket
 * that opens the text: no date in brackets after a relation word, nor name before a birth bracket, was linked after it.
 */
class BirthBracketAfterAnOpeningBracketTest {

    @Test
    void aDateInBracketsAfterARelationWordIsFoundInATextThatOpensWithABracket() {
        String tail = " Zijn moeder (12-03-1961) woont sinds kort bij hem in.";
        assertThat(DefaultEngineSpans.found("Hij" + tail, EntityType.DATE_OF_BIRTH)).containsExactly("12-03-1961");
        assertThat(DefaultEngineSpans.found("(vertrouwelijk)" + tail, EntityType.DATE_OF_BIRTH))
                .containsExactly("12-03-1961");
    }
}
