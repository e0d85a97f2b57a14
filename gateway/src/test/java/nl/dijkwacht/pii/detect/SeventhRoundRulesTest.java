package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import nl.dijkwacht.pii.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;

/**
 * Rules of the seventh forms round (issue 11), each with examples of our own that are not in the evaluation sets.
 * Fictitious data only; 111222333 and 123456782 pass the elfproef.
 */
class SeventhRoundRulesTest {

    @Test
    void aCompoundNumberHeaderOrKeyRulesABsnOut() {
        assertThat(found("clientnr;naam;plaats\n111222333;P. Smit;Delft\n", EntityType.BSN)).isEmpty();
        assertThat(found("| subjectnr | naam |\n|---|---|\n| 111222333 | P. Smit |\n", EntityType.BSN)).isEmpty();
        assertThat(found("{\"deelnemernr\": \"111222333\", \"naam\": \"P. Smit\"}", EntityType.BSN)).isEmpty();
        // a BSN key is looked for first, and a bare "nummer" says nothing: still reported (fail safe)
        assertThat(found("bsnnr;naam\n111222333;P. Smit\n", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("{\"persoonsnr\": \"111222333\"}", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("nummer;naam\n111222333;P. Smit\n", EntityType.BSN)).containsExactly("111222333");
    }

    @Test
    void otherRegistersNumbersInRunningText() {
        assertThat(found("Pensioenoverzicht\nDeelnemersnummer 111222333\n", EntityType.BSN)).isEmpty();
        assertThat(found("Cliëntnummer 111222333 staat op de brief.", EntityType.BSN)).isEmpty();
        assertThat(found("Ik zocht 111222333 op (dat is een relatienummer) maar vond niets.", EntityType.BSN)).isEmpty();
        assertThat(found("Zijn BSN is 111222333, het relatienummer ken ik niet.", EntityType.BSN))
                .containsExactly("111222333");
    }

    @Test
    void letterSpacedTextIsReadClosedUp() {
        String form = "AANVRAAG\nNaam:  P i e t e r   d e   V r i e s\nPostcode:  1 2 3 4 A B\nBSN:  1 2 3 4 5 6 7 8 2\n";
        assertThat(found(form, EntityType.PERSON)).containsExactly("P i e t e r   d e   V r i e s");
        assertThat(found(form, EntityType.POSTCODE)).containsExactly("1 2 3 4 A B");
        assertThat(found(form, EntityType.BSN)).containsExactly("1 2 3 4 5 6 7 8 2");
        TextNormalizer normalizer = new TextNormalizer();
        assertThat(normalizer.normalize(form).text()).contains("Pieter de Vries", "1234AB", "123456782");
        // a few single letters in prose, or single digits in the columns of a fixed-width table, stay as they are
        assertThat(normalizer.normalize("kies a b c of d").text()).isEqualTo("kies a b c of d");
        assertThat(normalizer.normalize("1      2      3      4      5").text()).isEqualTo("1      2      3      4      5");
    }

    @Test
    void surnameCommaGivenNameInCapitals() {
        assertThat(found("bewoners volgens de lijst:\nnr 3 HOEKSTRA, PIETER\nnr 5 leeg", EntityType.PERSON))
                .containsExactly("HOEKSTRA, PIETER");
        assertThat(found("nr 7 MULDER, PETRA en SMIT, KEES", EntityType.PERSON))
                .containsExactly("MULDER, PETRA", "SMIT, KEES");
        // in ordinary case the comma order still needs a list or a known surname
        assertThat(found("Gelukkig, Anna is er morgen.", EntityType.PERSON)).doesNotContain("Gelukkig, Anna");
    }

    @Test
    void lowerCaseSurnameCommaGivenNameInAList() {
        assertThat(found("kun je deze bellen:\n- bakhuizen, marieke 0612345678\n- van der wal-de graaf, petra\n",
                EntityType.PERSON)).contains("bakhuizen, marieke", "van der wal-de graaf, petra");
        assertThat(found("stuur de brief naar brinkhorst, gerda (achternaam eerst)", EntityType.PERSON))
                .containsExactly("brinkhorst, gerda");
        // given names alone, or full names given name first, stay one person each
        assertThat(found("op de lijst: zeynep, anouk en thijs", EntityType.PERSON))
                .doesNotContain("zeynep, anouk");
        assertThat(found("de tolken: gohar sargsyan, shirin rezaei en bilal qureshi.", EntityType.PERSON))
                .doesNotContain("gohar sargsyan, shirin rezaei");
        // no list, no closer: ordinary text
        assertThat(found("het is duidelijk, peter komt morgen", EntityType.PERSON)).doesNotContain("duidelijk, peter");
    }
}
