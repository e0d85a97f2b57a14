package nl.dijkwacht.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.audit.AuditDb;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.BulkChain;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.Test;

/**
 * The verifier's list of chains (found by skipping through the chain index, not by reading every record): every chain
 * that has a head or records — a chain whose head row is gone too, and a new chain without records —, each once,
 * sorted; on H2 and PostgreSQL.
 */
class ChainListTest {

    static final List<String> CHAINS = List.of("gw-a", "gw-a@gemeente", "gw-a@waterschap", "gw-b", "pod-7");

    @Test
    void everyChainWithAHeadOrRecordsOnH2() throws Exception {
        try (AuditDb db = AuditDb.h2()) {
            check(db);
        }
    }

    @Test
    void everyChainWithAHeadOrRecordsOnPostgres() throws Exception {
        try (AuditDb db = AuditDb.postgres()) {
            check(db);
        }
    }

    private static void check(AuditDb db) throws Exception {
        AuditRows rows = new AuditRows(new ObjectMapper());
        ChainCodec codec = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
        ChainVerifier verifier = new ChainVerifier(db.dataSource(), codec, rows);
        assertThat(verifier.chains()).isEmpty();
        // written in another order than the sorted one, with different lengths
        for (String chain : List.of("pod-7", "gw-a", "gw-b", "gw-a@waterschap")) {
            BulkChain.write(db, codec, rows, chain, 3 + chain.length() * 7, n -> record(chain, n));
        }
        try (var c = db.dataSource().getConnection()) {
            ChainAppender.insertGenesisHead(c, codec, "gw-a@gemeente"); // a chain started without records yet
        }
        db.update("DELETE FROM audit_chain_head WHERE chain_id = 'gw-b'"); // records without their head
        assertThat(verifier.chains()).isEqualTo(CHAINS);
        assertThat(verifier.verifyAll()).extracting(r -> r.chainId() + ":" + (r.ok() ? "ok" : r.problem().kind())).containsExactly(
                "gw-a:ok", "gw-a@gemeente:ok", "gw-a@waterschap:ok", "gw-b:head_missing", "pod-7:ok");
    }

    private static AuditRecord record(String chain, long n) {
        return AuditRecord.builder().traceId(chain + "-" + n).occurredAt(Instant.parse("2026-06-01T10:00:00Z").plusSeconds(n))
                .bioAction("chat.completions").bioResult("success").bioOrigin("tool:x").endpoint("chat.completions")
                .policyVersion("sha256:1").decision("allowed").httpStatus(200).entityCounts(Map.of()).build();
    }
}
