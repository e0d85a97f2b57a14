package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.pii.WorstCaseInputs;
import org.junit.jupiter.api.Test;

/** slow27: a text of nothing but particles was walked again from every particle (quadratic); the walk is bounded. */
class ParticleRunTest {

    private final NameParser parser = new NameParser(new NameGazetteer());

    @Test
    void aRunOfParticlesIsWalkedAtMostMaxParticlesFromAnyToken() {
        String text = WorstCaseInputs.fill("van der de ten ", 40_000);
        List<TextToken> tokens = TextToken.tokenize(text);
        assertThat(tokens.size()).isGreaterThan(9_000);
        for (int i = 0; i < tokens.size(); i += 97) {
            assertThat(parser.skipParticles(text, tokens, i) - i).isLessThanOrEqualTo(NameParser.MAX_PARTICLES);
        }
    }

    @Test
    void aNamesParticlesAreStillSkippedWhole() {
        String text = "mevrouw van der Berg";
        List<TextToken> tokens = TextToken.tokenize(text);
        int van = 1;
        assertThat(tokens.get(van).is("van")).isTrue();
        assertThat(tokens.get(parser.skipParticles(text, tokens, van)).is("Berg")).isTrue();
    }
}
