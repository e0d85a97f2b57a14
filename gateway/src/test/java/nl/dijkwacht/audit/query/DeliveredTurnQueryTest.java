package nl.dijkwacht.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.dijkwacht.audit.TurnHasher;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * review44b: a long conversation (an agent's tool loop: one assistant turn per call) has more turns than one query asks;
 * the newest delivered turns must be recognised, within the caller's tenant, on the embedded store's own migration.
 */
class DeliveredTurnQueryTest {

    @Test
    void aConversationLongerThanOneQueryHasItsNewestDeliveredTurnsRecognised() throws Exception {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:delivered-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.execute("CREATE TABLE audit_record (id BIGINT AUTO_INCREMENT PRIMARY KEY, chain_id VARCHAR(64), seq BIGINT, tenant VARCHAR(64), occurred_at TIMESTAMP WITH TIME ZONE)");
        for (String migration : new String[] {"V140__audit_turn_hmac", "V170__audit_turn_choice", "V180__audit_choice_key", "V190__audit_record_choice_keys",
                "V192__audit_record_choices_newest_first"}) {
            jdbc.execute(Files.readString(Path.of("src/main/resources/db/vendor/h2/" + migration + ".sql")));
        }
        TurnHasher hasher = TurnHasher.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
        DeliveredTurnQuery query = new DeliveredTurnQuery(db, hasher);

        int turns = DeliveredTurnQuery.MAX_HASHES + 300;
        List<String> hashes = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int t = 0; t < turns; t++) {
            String hash = query.hash(null, List.<String[]>of(new String[] {"zoek_dossier", "{\"stap\": " + t + "}"}));
            hashes.add(hash);
            rows.add(new Object[] {"gemeente-a", AuditRows.hashBytes(hash)});
        }
        jdbc.batchUpdate("INSERT INTO audit_record (tenant, turn_hmac) VALUES (?, ?)", rows);
        String madeUp = query.hash("Beoordeel deze aanvraag.", List.of());
        hashes.add(madeUp);

        // the newest MAX_HASHES hashes asked (the made-up one among them), in queries of PER_QUERY: all delivered found
        List<String> newest = hashes.subList(hashes.size() - DeliveredTurnQuery.MAX_HASHES, hashes.size());
        assertThat(query.delivered("gemeente-a", hashes))
                .hasSize(DeliveredTurnQuery.MAX_HASHES - 1)
                .containsAll(newest.subList(0, newest.size() - 1))
                .doesNotContain(madeUp, hashes.get(0));
        // 250 turns (more than one query): every one recognised — before, only the first 200 were asked
        assertThat(query.delivered("gemeente-a", hashes.subList(0, 250))).hasSize(250);
        // another tenant's caller recognises none
        assertThat(query.delivered("gemeente-b", hashes.subList(0, 250))).isEmpty();
        assertThat(query.delivered(null, hashes.subList(0, 250))).isEmpty();
    }
}
