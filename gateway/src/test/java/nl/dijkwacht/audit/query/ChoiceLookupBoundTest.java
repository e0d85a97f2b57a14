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
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * audit50: the look-up of the other choices (packed in their record, audit49) reads at most the tenant's newest
 * answers with other choices ({@code dijkwacht.audit.other-choices-window}; a smaller window here), newest first
 * through V192's index — not every such answer of the tenant, which is what a made-up turn cost before (0.44–0.77 s at
 * 200,000 answers). An older answer's other choice is no longer recognised; the newest ones are, within their tenant.
 */
class ChoiceLookupBoundTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final int WINDOW = 10;
    private static final int ANSWERS = 14;
    private static final java.util.regex.Pattern INDEX_USED = java.util.regex.Pattern.compile("Index Scan (?:Backward )?using (\\w+)");
    private static final java.util.regex.Pattern ACTUAL_ROWS = java.util.regex.Pattern.compile("actual rows=(\\d+)");

    private AuditDb db;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void embeddedStore() throws Exception {
        db = AuditDb.h2();
        onlyTheNewestAnswersWithChoicesAreRead();
    }

    @Test
    void postgres() throws Exception {
        db = AuditDb.postgres();
        onlyTheNewestAnswersWithChoicesAreRead();
    }

    private void onlyTheNewestAnswersWithChoicesAreRead() throws Exception {
        List<List<String>> answers = new ArrayList<>();
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "node").start()) {
            for (int i = 0; i < ANSWERS; i++) {
                List<String> choices = choices("a" + i, 3);
                answers.add(choices);
                // two a day; newer than each of the tenant's: another tenant's answer with choices, an answer with one
                Instant at = AT.plus(java.time.Duration.ofDays(i / 2)).plus(java.time.Duration.ofHours(i % 2));
                sink.append(record("t-a" + i, "gemeente", at, choices));
                sink.append(record("t-b" + i, "gemeente-b", at.plusSeconds(20), choices("b" + i, 2)));
                sink.append(record("t-c" + i, "gemeente", at.plusSeconds(40), choices("c" + i, 1)));
            }
        }
        DeliveredTurnQuery query = new DeliveredTurnQuery(db.dataSource(), HASHER, WINDOW);
        List<String> secondChoices = answers.stream().map(c -> c.get(1)).toList();
        List<String> thirdChoices = answers.stream().map(c -> c.get(2)).toList();
        List<String> asked = new ArrayList<>(secondChoices);
        asked.addAll(thirdChoices);

        // the other choices of the tenant's newest WINDOW answers with choices are recognised, older ones not
        assertThat(query.delivered("gemeente", asked))
                .as("the other choices of the newest %d of %d answers", WINDOW, ANSWERS)
                .containsExactlyInAnyOrderElementsOf(concat(secondChoices.subList(ANSWERS - WINDOW, ANSWERS),
                        thirdChoices.subList(ANSWERS - WINDOW, ANSWERS)));
        // another tenant's newer answers do not push the tenant's out of its window, nor are they found for it
        assertThat(query.delivered("gemeente-b", asked)).isEmpty();
        // the default window holds them all
        assertThat(new DeliveredTurnQuery(db.dataSource(), HASHER).delivered("gemeente", asked)).containsExactlyInAnyOrderElementsOf(asked);

        String sql = DeliveredTurnQuery.packedChoices(db.isPostgres(), true, WINDOW);
        if (db.isPostgres()) {
            // a made-up turn reads WINDOW index entries and records, newest first, no sort of the tenant's answers
            String plan = plan(db, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql, "gemeente");
            assertThat(plan).contains("Limit (actual rows=" + WINDOW).contains("Index Scan Backward")
                    .doesNotContain("Sort").doesNotContain("Seq Scan");
            assertThat(indexesUsed(plan)).as("the partitions' copies of V192's partial index").isNotEmpty()
                    .allSatisfy(definition -> assertThat(definition).contains("(tenant, (((occurred_at AT TIME ZONE 'UTC'").contains("WHERE (choice_keys IS NOT NULL)"));
            assertThat(plan.lines().filter(l -> l.contains("Index Scan")).map(ChoiceLookupBoundTest::actualRows).mapToLong(Long::longValue).sum())
                    .as("records read by the index scans (every partition's)").isLessThanOrEqualTo(WINDOW);
        } else {
            // H2 walks the index in the query's order and stops at the limit
            assertThat(plan(db, "EXPLAIN " + sql, "gemeente")).containsIgnoringCase("AUDIT_RECORD_CHOICES_NEWEST_IDX")
                    .contains("/* index sorted */");
        }
    }

    /** The definitions of the indexes a PostgreSQL plan scans (a partition's copy of an index has a name of its own). */
    private List<String> indexesUsed(String plan) {
        List<String> definitions = new ArrayList<>();
        var m = INDEX_USED.matcher(plan);
        while (m.find()) {
            definitions.add(new org.springframework.jdbc.core.JdbcTemplate(db.dataSource()).queryForObject(
                    "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?", String.class, m.group(1)));
        }
        return definitions;
    }

    private static long actualRows(String planLine) {
        var m = ACTUAL_ROWS.matcher(planLine);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static AuditRecord record(String traceId, String tenant, Instant at, List<String> choices) {
        return AuditRecord.builder().traceId(traceId).occurredAt(at).tenant(tenant).bioAction("chat.completions").bioResult("success")
                .bioOrigin("tool:x").endpoint("chat.completions").policyVersion("pv").decision("allowed").httpStatus(200)
                .turnHmac(choices.getFirst()).choiceHmacs(choices.size() == 1 ? null : choices.subList(1, choices.size())).build();
    }
}
