package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import nl.dijkwacht.pii.PiiEngine;
import org.junit.jupiter.api.Test;

/** Column headers, JSON keys and labels as context, in both directions (issue 11). Fictitious data only. */
class StructureAwareDetectionTest {

    @Test
    void parsesTablesJsonAndLabelledLines() {
        TextStructure csv = TextStructure.of("naam;geb_datum\n\"Vries, Jan\";01.09.1969\n");
        assertThat(csv.fields()).extracting(TextStructure.Field::key).containsExactly("naam", "geb datum");
        TextStructure json = TextStructure.of("{\"geboorte\":{\"datum\":\"1969-09-01\"},\"birthDate\":\"x\"}");
        assertThat(json.fields()).extracting(TextStructure.Field::path).containsExactly("geboorte datum", "birth date");
        TextStructure md = TextStructure.of("| bsn | naam |\n|---|---|\n| 999 916 488 | jan |\n");
        assertThat(md.fields()).extracting(TextStructure.Field::key).containsExactly("bsn", "naam");
        assertThat(TextStructure.of("Van: Sanne Visser\nGewoon een zin, met een komma.").fields())
                .extracting(TextStructure.Field::key).containsExactly("van");
    }

    @Test
    void aHeaderMakesAValuePersonal() {
        String table = "naam;bsn;geb_datum;mobiel\nde vries, jan;999 916 488;1969-09-01;31612345678\n";
        assertThat(found(table, EntityType.PERSON)).containsExactly("de vries, jan");
        assertThat(found(table, EntityType.BSN)).containsExactly("999 916 488");
        assertThat(found(table, EntityType.DATE_OF_BIRTH)).containsExactly("1969-09-01");
        assertThat(found(table, EntityType.PHONE)).containsExactly("31612345678");
    }

    @Test
    void aHeaderRulesAValueOut() {
        // 999916488 passes the elfproef, but in a client-number column it is a client number
        String table = "klantnummer\tnaam\n999916488\tJan Jansen\n";
        assertThat(found(table, EntityType.BSN)).isEmpty();
        String json = "{\"id\":\"999916488\",\"bedrijfsnaam\":\"Bakkerij Van der Zee\",\"fullName\":\"Karim Boussaid\"}";
        assertThat(found(json, EntityType.BSN)).isEmpty();
        assertThat(found(json, EntityType.PERSON)).containsExactly("Karim Boussaid");
    }

    @Test
    void emailHeadersSignaturesAndEchoes() {
        String mail = "Van: Giovanni Russo <g.russo@example.nl>\nAan: Team Jeugd\n\nGiovanni, schuif je aan?\n\nGroetjes Rabia";
        assertThat(found(mail, EntityType.PERSON)).contains("Giovanni Russo", "Giovanni", "Rabia")
                .doesNotContain("Team Jeugd");
        assertThat(found("Mijn vader Mehmet Şahin (1-1-1950) woont hier.", EntityType.DATE_OF_BIRTH))
                .containsExactly("1-1-1950");
    }

    @Test
    void findingsExplainTheKey() {
        String table = "naam;bsn\nJan Jansen;999 916 488\n";
        Finding bsn = PiiEngine.dutchDefault().detect(table).stream().filter(f -> f.type() == EntityType.BSN)
                .findFirst().orElseThrow();
        assertThat(bsn.context()).contains("'bsn'").contains("column header");
    }
}
