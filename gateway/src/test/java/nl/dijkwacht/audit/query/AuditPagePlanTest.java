package nl.dijkwacht.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.dijkwacht.audit.AuditDb;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit-log page on the embedded store reads one index in page order and stops after a page, for a common
 * filter value as for a rare one (a department filter used to make H2 sort all of that department's rows: 5 s over a
 * million records). Checked on the plan, not on a timing.
 */
class AuditPagePlanTest {

    static final Instant START = PagePlans.START;
    static AuditDb db;
    static AuditQueries queries;

    @BeforeAll
    static void fill() throws Exception {
        db = AuditDb.h2();
        AuditRows rows = new AuditRows(new ObjectMapper());
        PagePlans.fill(db, rows, 3000);
        db.update("ANALYZE");
        queries = new AuditQueries(db.dataSource(), rows, new ObjectMapper());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void commonDepartmentPageWalksItsIndexInPageOrder() throws Exception {
        AuditFilter department = filter(null, "afdeling-3", null);
        assertThat(plan(department, null)).contains("AUDIT_RECORD_DEPARTMENT_IDX").contains("index sorted");
        PageCursor deep = new PageCursor(START.plusSeconds(500), 1500);
        assertThat(plan(department, deep)).contains("AUDIT_RECORD_DEPARTMENT_IDX").contains("OCCURRED_AT <=")
                .contains("index sorted");
    }

    @Test
    void rareAndCombinedFiltersUseTheirIndexAndUnfilteredPagesTheTimeIndex() throws Exception {
        assertThat(plan(filter("p-21", null, null), null)).contains("AUDIT_RECORD_ACTOR_IDX").contains("index sorted");
        assertThat(plan(filter("p-21", "afdeling-3", null), null)).contains("AUDIT_RECORD_ACTOR_IDX");
        assertThat(plan(filter(null, "afdeling-3", "uc-1"), null)).contains("AUDIT_RECORD_DEPARTMENT_IDX")
                .contains("index sorted");
        AuditFilter requests = new AuditFilter(null, null, null, null, null, null, null, null, null, null, null,
                "chat.completions", null);
        assertThat(plan(requests, null)).contains("AUDIT_RECORD_ENDPOINT_IDX").contains("index sorted");
        assertThat(plan(AuditFilter.none(), null)).contains("AUDIT_RECORD_TIME_IDX").contains("index sorted");
    }

    @Test
    void pagesAreNewestFirstWithTheIdBreakingTies() {
        AuditFilter department = filter(null, "afdeling-3", null);
        List<Long> seen = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        PageCursor next = null;
        do {
            AuditQueries.Slice page = queries.searchAfter(department, next, 40);
            page.items().forEach(s -> {
                seen.add(s.id());
                times.add(s.record().occurredAt());
            });
            next = page.next();
        } while (next != null);
        assertThat(seen).hasSize(250).doesNotHaveDuplicates();
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
        for (int i = 1; i < seen.size(); i++) {
            if (times.get(i).equals(times.get(i - 1))) {
                assertThat(seen.get(i)).isLessThan(seen.get(i - 1));
            }
        }
        assertThat(queries.search(department, 1, 40).items()).extracting(AuditRows.Stored::id)
                .isEqualTo(seen.subList(40, 80));
    }

    private static AuditFilter filter(String actor, String department, String useCase) {
        return new AuditFilter(null, null, actor, department, null, useCase, null, null, null, null, null);
    }

    private static String plan(AuditFilter filter, PageCursor after) {
        return PagePlans.explain(db, filter, after);
    }
}
