package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.Test;

/** The JSON columns of a record are written as the gateway's mapper writes them, also where no mapper is asked (empty). */
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
}
