package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.query.DeliveredTurnQuery;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.Test;

/**
 * Upgrade of a store at V170 (turns45: the other choices' turn hashes in {@code audit_turn_choice}, with tenant) to
 * V180 (audit47: 8-byte keys in {@code audit_choice_key}): the rows are copied and kept in the old table too (review47:
 * replicas before V180, still running during a rolling update, read only that one), each answer's other choices are
 * still recognised within its tenant (a choice in both tables once), the chain verifies, and new records chain on with
 * their choices packed in the record (V190, audit49), where the look-up finds them next to the moved rows.
 */
class ChoiceKeyUpgradeTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private static final TurnHasher HASHER = TurnHasher.fromSecret(SECRET);
    private static final ChainCodec CODEC = ChainCodec.fromSecret(SECRET);
    private static final AuditRows ROWS = new AuditRows(new ObjectMapper());
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void embeddedStore() throws Exception {
        try (AuditDb db = AuditDb.h2At("170")) {
            rowsMoveAndStayRecognised(db);
        }
    }

    @Test
    void postgres() throws Exception {
        try (AuditDb db = AuditDb.postgresAt("170")) {
            rowsMoveAndStayRecognised(db);
        }
    }

    private static void rowsMoveAndStayRecognised(AuditDb db) throws Exception {
        // six answers as a V170 gateway stored them: choice 0 on the record, seq 2 and 5 with other choices
        List<String> second = choices(2, 4);
        List<String> fifth = choices(5, 2);
        // this writer names V190's column (audit49); the V170 gateway's records had none (these have one choice each)
        db.update("ALTER TABLE audit_record ADD COLUMN choice_keys " + (db.isPostgres() ? "bytea" : "VARBINARY(56)"));
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "node").start()) {
            for (int seq = 1; seq <= 6; seq++) {
                sink.append(Records.ofTenant("t-" + seq, AT.plusSeconds(seq), seq == 5 ? "gemeente-b" : "gemeente"));
            }
        }
        for (String hash : second.subList(1, 4)) {
            db.update("INSERT INTO audit_turn_choice (chain_id, seq, tenant, turn_hmac) VALUES ('node', 2, 'gemeente', ?)", AuditRows.hashBytes(hash));
        }
        db.update("INSERT INTO audit_turn_choice (chain_id, seq, tenant, turn_hmac) VALUES ('node', 5, 'gemeente-b', ?)", AuditRows.hashBytes(fifth.get(1)));

        db.update("ALTER TABLE audit_record DROP COLUMN choice_keys");
        db.migrate();

        assertThat(db.count("SELECT COUNT(*) FROM audit_turn_choice")).as("kept for replicas before V180 (review47)").isEqualTo(4);
        for (String hash : second.subList(1, 4)) {
            // what a replica before V180 still asks during a rolling update: the full hash in the old table
            assertThat(db.count("SELECT seq FROM audit_turn_choice WHERE tenant = 'gemeente' AND turn_hmac = ?", AuditRows.hashBytes(hash)))
                    .isEqualTo(2);
        }
        assertThat(db.count("SELECT COUNT(*) FROM audit_choice_key")).isEqualTo(4);
        for (String hash : second.subList(1, 4)) {
            assertThat(db.count("SELECT seq FROM audit_choice_key WHERE chain_id = 'node' AND choice_key = ?", TurnHasher.choiceKey(hash)))
                    .isEqualTo(2);
        }
        assertThat(db.count("SELECT seq FROM audit_choice_key WHERE choice_key = ?", TurnHasher.choiceKey(fifth.get(1)))).isEqualTo(5);
        DeliveredTurnQuery query = new DeliveredTurnQuery(db.dataSource(), HASHER);
        List<String> others = new ArrayList<>(second.subList(1, 4));
        others.add(fifth.get(1));
        assertThat(query.delivered("gemeente", others)).containsExactlyInAnyOrderElementsOf(second.subList(1, 4));
        assertThat(query.delivered("gemeente-b", others)).containsExactly(fifth.get(1));

        List<String> seventh = choices(7, 3);
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "node").start()) {
            sink.append(Records.withOtherChoices("t-7", AT.plusSeconds(7), "p-actor", seventh.subList(1, 3)));
        }
        assertThat(db.count("SELECT COUNT(*) FROM audit_choice_key WHERE seq = 7")).as("packed in the record (V190)").isZero();
        assertThat(db.count("SELECT OCTET_LENGTH(choice_keys) FROM audit_record WHERE seq = 7")).isEqualTo(2 * 8);
        assertThat(query.delivered("gemeente", seventh.subList(1, 3))).hasSize(2);
        var report = new ChainVerifier(db.dataSource(), CODEC, ROWS).verify("node", null, null);
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(7);
    }

    private static List<String> choices(int answer, int n) {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(HASHER.turn("Antwoord " + answer + ", keuze " + i + ".", List.of()));
        }
        return hashes;
    }
}
