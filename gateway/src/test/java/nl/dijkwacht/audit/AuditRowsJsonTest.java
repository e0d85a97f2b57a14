package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.Test;

/**
 * The JSON columns of a record are written as the gateway's mapper writes them, also where no mapper is asked (empty,
 * or plain keys and values, which {@link AuditRows} writes by hand), and read back to what was written.
 */
class AuditRowsJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final AuditRows ROWS = new AuditRows(JSON);

    @Test
    void emptyAndFilledColumnsAreTheMappersText() throws Exception {
        assertThat(ROWS.countsJson(Map.of())).isEqualTo(JSON.writeValueAsString(new TreeMap<String, Integer>()));
        assertThat(ROWS.listJson(List.of())).isEqualTo(JSON.writeValueAsString(List.of()));
        assertThat(ROWS.countsJson(Map.of("IBAN", 1, "BSN", 2))).isEqualTo("{\"BSN\":2,\"IBAN\":1}");
        assertThat(ROWS.listJson(List.of("doc-1", "doc \"2\""))).isEqualTo(JSON.writeValueAsString(List.of("doc-1", "doc \"2\"")));
    }

    @Test
    void entityTypesAreSortedBetweenCommas() {
        AuditRecord record = AuditRecord.builder().entityCounts(Map.of("PHONE", 1, "BSN", 2, "IBAN", 1, "EMAIL", 3)).build();
        assertThat(record.entityTypes()).isEqualTo(",BSN,EMAIL,IBAN,PHONE,");
        assertThat(AuditRecord.builder().build().entityTypes()).isEqualTo(",");
    }

    private static final List<Map<String, Integer>> COUNTS = List.of(
            Map.of(),
            Map.of("PERSON", 1),
            Map.of("IBAN", 2, "PERSON", 1, "EMAIL", 3, "PHONE", 1, "ADDRESS", 1),
            Map.of("BSN", Integer.MAX_VALUE, "kenteken", 0, "x-y_z.1", -4),
            Map.of("quote\"d", 1, "back\\slash", 2),
            Map.of("regel\neinde", 1, "tab\t", 2, "\u0001", 3),
            Map.of("één", 1, "naïef", 2, "😀", 3),
            Map.of("", 7, " ", 8, "~", 9, "\u007f", 10));

    private static final List<List<String>> LISTS = List.of(
            List.of(),
            List.of("doc-1"),
            List.of("https://example.org/a?b=c&d=e", "urn:isbn:0451450523", "zaak 2026/17"),
            List.of("with \"quotes\"", "back\\slash"),
            List.of("regel\neinde", "é", "\u0000"),
            List.of("", " "));

    @Test
    void countsAreWhatJacksonWrites() throws Exception {
        for (Map<String, Integer> counts : COUNTS) {
            String written = ROWS.countsJson(counts);
            assertThat(written).as("%s", counts).isEqualTo(counts.isEmpty() ? "{}" : JSON.writeValueAsString(new TreeMap<>(counts)));
            assertThat(JSON.readValue(written, new TypeReference<TreeMap<String, Integer>>() { })).isEqualTo(new TreeMap<>(counts));
        }
    }

    /** record22: the keys sorted in an array instead of a TreeMap: the same text on generated maps of any size and key. */
    @Test
    void generatedCountsAreWhatJacksonWritesOfTheSortedMap() throws Exception {
        String[] keys = {"PERSON", "IBAN", "BSN", "EMAIL", "PHONE", "ADDRESS", "a", "A", "", " ", "~", "é", "😀", "quote\"d", "x\ny",
            "PERSON_NAME", "PERSON ", "kenteken", "\u007f", "Z9"};
        java.util.Random random = new java.util.Random(22);
        for (int i = 0; i < 5_000; i++) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int n = random.nextInt(0, 8); n > 0; n--) {
                counts.put(keys[random.nextInt(keys.length)], random.nextInt(-3, 1_000));
            }
            Map<String, Integer> record = Map.copyOf(counts); // as AuditRecord keeps them
            assertThat(ROWS.countsJson(record)).as("%s", counts)
                    .isEqualTo(counts.isEmpty() ? "{}" : JSON.writeValueAsString(new TreeMap<>(counts)));
        }
    }

    @Test
    void countsAreSortedByKeyWhateverTheMapsOrder() {
        Map<String, Integer> unsorted = new LinkedHashMap<>();
        unsorted.put("PHONE", 1);
        unsorted.put("EMAIL", 2);
        unsorted.put("BSN", 3);
        assertThat(ROWS.countsJson(unsorted)).isEqualTo("{\"BSN\":3,\"EMAIL\":2,\"PHONE\":1}");
    }

    @Test
    void listsAreWhatJacksonWrites() throws Exception {
        for (List<String> values : LISTS) {
            String written = ROWS.listJson(values);
            assertThat(written).as("%s", values).isEqualTo(JSON.writeValueAsString(values));
            assertThat(JSON.readValue(written, new TypeReference<List<String>>() { })).isEqualTo(values);
        }
    }
}
