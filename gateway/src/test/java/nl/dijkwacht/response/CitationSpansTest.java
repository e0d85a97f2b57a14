package nl.dijkwacht.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

class CitationSpansTest {

    private final ObjectMapper json = new ObjectMapper();

    private ArrayNode citation(int start, int end) {
        ArrayNode list = json.createArrayNode();
        list.addObject().put("type", "url_citation").putObject("url_citation").put("start_index", start).put("end_index", end)
                .put("url", "https://www.dijkstad.nl/").put("title", "Dijkstad");
        return list;
    }

    private static String span(String text, ArrayNode list) {
        var c = list.get(0).get("url_citation");
        return text.substring(text.offsetByCodePoints(0, c.get("start_index").asInt()), text.offsetByCodePoints(0, c.get("end_index").asInt()));
    }

    @Test
    void aSpanAfterANameOfSeveralWordsMovesWithIt() {
        String model = "Gesprek met [PERSOON_1] (wijkteam). Zie de regeling ([dijkstad.nl](https://www.dijkstad.nl/)).";
        String delivered = "Gesprek met Jan de Vries (wijkteam). Zie de regeling ([dijkstad.nl](https://www.dijkstad.nl/)).";
        int start = model.indexOf("Zie");
        ArrayNode list = citation(start, model.length() - 1);
        assertThat(CitationSpans.move(list, model, delivered)).isZero();
        assertThat(span(delivered, list)).isEqualTo("Zie de regeling ([dijkstad.nl](https://www.dijkstad.nl/))");
    }

    @Test
    void aSpanEndingInARedactedValueTakesTheWholeReplacementAndNotTheFullStop() {
        String model = "Mail j.bos@example.nl. Of bel.";
        String delivered = "Mail [EMAIL]. Of bel.";
        ArrayNode list = citation(0, model.indexOf("example") + 3);
        CitationSpans.move(list, model, delivered);
        assertThat(span(delivered, list)).isEqualTo("Mail [EMAIL]");
    }

    @Test
    void offsetsCountCodePointsNotUtf16Units() {
        String model = "😀 [EMAIL_1] 😀 bron";
        String delivered = "😀 anna@example.nl 😀 bron";
        ArrayNode list = citation(14, 18); // "bron": code points
        CitationSpans.move(list, model, delivered);
        assertThat(span(delivered, list)).isEqualTo("bron");
    }

    @Test
    void aSpanOutsideTheModelsTextIsDroppedAndCounted() {
        ArrayNode list = citation(3, 400);
        list.addAll(citation(-1, 2));
        list.addAll(citation(0, 4));
        assertThat(CitationSpans.move(list, "Mail [EMAIL_1] nu", "Mail anna@example.nl nu")).isEqualTo(2);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).at("/url_citation/end_index").asInt()).isEqualTo(4);
    }

    /** review47: an offset beyond {@code int} wrapped ({@code 4294967296} read as 0) and the citation passed. */
    @Test
    void anOffsetBeyondIntIsDroppedAndCountedNotWrapped() {
        ArrayNode list = json.createArrayNode();
        list.addObject().put("type", "url_citation").putObject("url_citation").put("start_index", 4_294_967_296L)
                .put("end_index", 4_294_967_300L).put("url", "https://www.dijkstad.nl/").put("title", "Dijkstad");
        list.addObject().put("type", "url_citation").putObject("url_citation").put("start_index", 0)
                .put("end_index", new java.math.BigInteger("18446744073709551620")).put("url", "https://www.dijkstad.nl/");
        assertThat(CitationSpans.move(list, "Mail [EMAIL_1] nu", "Mail anna@example.nl nu")).isEqualTo(2);
        assertThat(list).isEmpty();
    }

    @Test
    void anUnchangedTextLeavesEveryCitationAsItCame() {
        ArrayNode list = citation(3, 400);
        assertThat(CitationSpans.move(list, "zelfde", "zelfde")).isZero();
        assertThat(list.get(0).at("/url_citation/end_index").asInt()).isEqualTo(400);
    }
}
