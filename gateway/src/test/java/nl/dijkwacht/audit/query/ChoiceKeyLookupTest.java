package nl.dijkwacht.audit.query;

import static nl.dijkwacht.audit.query.ChoiceLookupFixtures.CODEC;
import static nl.dijkwacht.audit.query.ChoiceLookupFixtures.HASHER;
import static nl.dijkwacht.audit.query.ChoiceLookupFixtures.ROWS;
import static nl.dijkwacht.audit.query.ChoiceLookupFixtures.choices;
import static nl.dijkwacht.audit.query.ChoiceLookupFixtures.concat;
import static nl.dijkwacht.audit.query.ChoiceLookupFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.audit.AuditDb;
import nl.dijkwacht.audit.AuditProperties;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.TurnHasher;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The other choices of an answer with {@code n > 1} are stored as 8-byte keys packed in their record
 * ({@code choice_keys}, audit49; before, a row each in {@code audit_choice_key}, audit47, which replicas before V190
 * still write during a rolling update) and found again within the tenant of their record, on both stores'
 * migrations; written by the gateway's writer, and the chain verifies as before.
 */
class ChoiceKeyLookupTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private AuditDb db;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void embeddedStore() throws Exception {
        db = AuditDb.h2();
        everyChoiceIsFoundWithinItsTenantThroughAnIndex();
    }

    @Test
    void postgres() throws Exception {
        db = AuditDb.postgres();
        everyChoiceIsFoundWithinItsTenantThroughAnIndex();
    }

    private void everyChoiceIsFoundWithinItsTenantThroughAnIndex() throws Exception {
        List<String> a = choices("a", 8);
        List<String> b = choices("b", 2);
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "node").start()) {
            sink.append(record("t-1", "gemeente", List.of()));
            sink.append(record("t-2", "gemeente", a));
            sink.append(record("t-3", "gemeente-b", b));
        }
        assertThat(db.count("SELECT COUNT(*) FROM audit_choice_key")).as("no row per choice (audit49)").isZero();
        assertThat(db.count("SELECT COUNT(*) FROM audit_turn_choice")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM audit_record WHERE choice_keys IS NULL")).as("t-1: one choice").isEqualTo(1);
        assertThat(db.count("SELECT OCTET_LENGTH(choice_keys) FROM audit_record WHERE seq = 2")).isEqualTo(7 * 8);
        assertThat(keys(3)).containsExactly(TurnHasher.choiceKey(b.get(1)));

        DeliveredTurnQuery query = new DeliveredTurnQuery(db.dataSource(), HASHER);
        String madeUp = HASHER.turn("Dit antwoord is nooit gegeven.", List.of());
        List<String> asked = new ArrayList<>(a);
        asked.addAll(b);
        asked.add(madeUp);
        // choice 0 from the record, choices 1..7 by their keys; another tenant's answer and a made-up turn not
        assertThat(query.delivered("gemeente", asked)).containsExactlyInAnyOrderElementsOf(a);
        assertThat(query.delivered("gemeente-b", asked)).containsExactlyInAnyOrderElementsOf(b);
        assertThat(query.delivered(null, asked)).isEmpty();
        assertThat(new ChainVerifier(db.dataSource(), CODEC, ROWS).verify("node", null, null).ok()).isTrue();

        // during a rolling update: a and b as a replica before V190 kept them (a row per choice), c packed by this one
        assertThat(nl.dijkwacht.audit.OlderReplicaChoiceKeys.asWrittenBeforeV190(db)).isEqualTo(7 + 1);
        List<String> c = choices("c", 3);
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "node").start()) {
            sink.append(record("t-4", "gemeente", c));
        }
        List<String> both = new ArrayList<>(asked);
        both.addAll(c);
        assertThat(query.delivered("gemeente", both)).containsExactlyInAnyOrderElementsOf(concat(a, c));
        assertThat(query.delivered("gemeente-b", both)).containsExactlyInAnyOrderElementsOf(b);
        assertThat(query.delivered(null, both)).isEmpty();
        assertThat(new ChainVerifier(db.dataSource(), CODEC, ROWS).verify("node", null, null).ok()).isTrue();

        if (db.isPostgres()) {
            // the packed keys: only the tenant's records that have any, through the partial index (V192), not the table
            assertThat(plan(db, "EXPLAIN " + DeliveredTurnQuery.packedChoices(true, true, AuditProperties.DEFAULT_OTHER_CHOICES_WINDOW), "gemeente"))
                    .as("the records with other choices are found through their partial index")
                    .contains("_tenant_timezone_idx").contains("Index Cond: ((tenant)").doesNotContain("Seq Scan"); // V192's, per partition
        }

        // the keys are reached through an index, never read whole: by the key's index, or — on PostgreSQL with these
        // three records, since V181 (audit48) — from the tenant's records through the (chain_id, seq) index; with a
        // store's real numbers of records the key's index is the selective one
        assertThat(plan(db, "EXPLAIN " + DeliveredTurnQuery.otherChoices(3, true), TurnHasher.choiceKey(a.get(1)), 1L, 2L, "gemeente"))
                .as("the look-up of the other choices uses an index of the keys")
                .containsAnyOf("audit_choice_key_idx", "AUDIT_CHOICE_KEY_IDX", "audit_choice_key_record_idx")
                .doesNotContainIgnoringCase("Seq Scan on audit_choice_key");
    }

    private List<Long> keys(long seq) {
        byte[] packed = new org.springframework.jdbc.core.JdbcTemplate(db.dataSource())
                .queryForObject("SELECT choice_keys FROM audit_record WHERE seq = ?", byte[].class, seq);
        List<Long> keys = new ArrayList<>();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(packed);
        while (buffer.hasRemaining()) {
            keys.add(buffer.getLong());
        }
        return keys;
    }

    private static AuditRecord record(String traceId, String tenant, List<String> choices) {
        return AuditRecord.builder().traceId(traceId).occurredAt(AT).tenant(tenant).bioAction("chat.completions").bioResult("success")
                .bioOrigin("tool:x").endpoint("chat.completions").policyVersion("pv").decision("allowed").httpStatus(200)
                .turnHmac(choices.isEmpty() ? null : choices.getFirst())
                .choiceHmacs(choices.isEmpty() ? null : choices.subList(1, choices.size())).build();
    }
}
