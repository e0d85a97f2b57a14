package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    @Test
    void takesTheMostSelectiveLiteralRunOfASequence() {
        assertThat(RequiredLiterals.of(Pattern.compile("\\bheeft\\b.{0,60}\\brecht op\\b", FLAGS))).containsExactly("recht op");
    }

    @Test
    void anAlternationNeedsOneOfItsBranches() {
        assertThat(RequiredLiterals.of(Pattern.compile("\\b(Uitkering|bijstand|wmo)\\w*", FLAGS)))
                .containsExactlyInAnyOrder("uitkering", "bijstand", "wmo");
        assertThat(RequiredLiterals.of(Pattern.compile("\\b(kandida(at|ten)|cv|cv's)\\b", FLAGS)))
                .containsExactlyInAnyOrder("kandidaat", "kandidaten", "cv", "cv's");
        assertThat(RequiredLiterals.of(Pattern.compile("\\b(toekennen|afwijzen)\\s*(of|\\?)", FLAGS)))
                .containsExactlyInAnyOrder("toekennen", "afwijzen");
    }

    @Test
    void aNonAsciiLetterSplitsTheLiteral() {
        assertThat(RequiredLiterals.of(Pattern.compile("\\b(cliënten|klant)", FLAGS))).containsExactlyInAnyOrder("nten", "klant");
    }

    @Test
    void optionalPartsAreNotRequired() {
        assertThat(RequiredLiterals.of(Pattern.compile("(ab)?cd", FLAGS))).containsExactlyInAnyOrder("abcd", "cd");
        assertThat(RequiredLiterals.of(Pattern.compile("x*|y", FLAGS))).isNull();
        assertThat(RequiredLiterals.of(Pattern.compile("(risico)+score", FLAGS))).containsExactly("risico");
    }

    @Test
    void unknownSyntaxMeansNoPreCheck() {
        assertThat(RequiredLiterals.of(Pattern.compile("[a-z]+"))).isNull();
        assertThat(RequiredLiterals.of(Pattern.compile("(?=fraude)\\w+"))).isNull();
        assertThat(RequiredLiterals.of(Pattern.compile("(a)\\1"))).isNull();
        assertThat(RequiredLiterals.of(Pattern.compile("fraude", Pattern.COMMENTS))).isNull();
        assertThat(RequiredLiterals.of(Pattern.compile("^\\d{4}$"))).isNull();
    }

    @Test
    void foldingMatchesTheRegexCaseComparison() {
        assertThat(RequiredLiterals.fold("ſOLLICITANT \u212Aandidaat")).isEqualTo("sollicitant kandidaat");
    }
}
