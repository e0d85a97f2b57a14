package nl.dijkwacht.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.store.AuditRows;

/**
 * PostgreSQL: a batch of linked records in ONE statement — the head's compare-and-set, the records and their retained
 * content as data-modifying {@code WITH} clauses. In auto-commit mode the statement is its own transaction, so a batch
 * costs one round trip to the server and one WAL flush, where the head update, the insert and a {@code COMMIT} took
 * three (issue 15, pg13: counted by {@code PostgresAuditRoundTripsTest}); for batches of up to {@link #RECORDS_UP_TO}
 * records. The records and the content are inserted only joined with the head's updated row: if another writer moved
 * the head, the statement changes nothing and says so.
 */
final class PostgresAppend {

    /**
     * Batches of up to this many records go in one statement. A larger group commit shares its three round trips among
     * its records anyway, and PostgreSQL spent more CPU per record planning a statement text per batch size (pg13:
     * about 32-record batches, +13-43 % backend CPU per record against the prepared one-row insert run as a batch).
     */
    static final int RECORDS_UP_TO = 16;
    private static final String CONTENT_COLUMNS = "trace_id, occurred_at, expires_at, use_case, redacted_prompt, redacted_answer";

    private PostgresAppend() {
    }

    /** True for a batch this class writes; larger ones take the transaction of three statements. */
    static boolean takes(int records) {
        return records <= RECORDS_UP_TO;
    }

    static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /**
     * Writes the linked records after the head {@code expectedSeq}; commits when the connection is in auto-commit
     * mode (the caller's transaction otherwise).
     *
     * @throws HeadMoved when the head is no longer at {@code expectedSeq}: nothing was written
     */
    static void store(Connection c, ChainCodec codec, ChainCodec.Hashing hashing, AuditRows rows, String chainId, long expectedSeq,
                      List<LinkedRecord> linked) throws SQLException, HeadMoved {
        int contents = (int) linked.stream().filter(p -> p.content() != null).count();
        LinkedRecord last = linked.getLast();
        try (PreparedStatement ps = c.prepareStatement(sql(linked.size(), contents))) {
            int i = 1;
            ps.setLong(i++, last.link().seq());
            ps.setString(i++, last.link().recordHash());
            ps.setString(i++, codec.keyId());
            ps.setString(i++, hashing.headMac(chainId, last.link().seq(), last.link().recordHash()));
            ps.setObject(i++, AuditRows.time(Instant.now()));
            ps.setString(i++, chainId);
            ps.setLong(i++, expectedSeq);
            for (LinkedRecord r : linked) {
                i = rows.bind(ps, i, r.link(), r.record());
            }
            for (LinkedRecord p : linked) {
                if (p.content() != null) {
                    AuditRecord r = p.record();
                    ps.setString(i++, r.traceId());
                    ps.setObject(i++, AuditRows.time(r.occurredAt()));
                    ps.setObject(i++, AuditRows.time(p.content().expiresAt()));
                    ps.setString(i++, r.useCase());
                    ps.setString(i++, p.content().redactedPrompt());
                    ps.setString(i++, p.content().redactedAnswer());
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getLong(1) != 1) {
                    throw new HeadMoved();
                }
            }
        }
    }

    static String sql(int records, int contents) {
        StringBuilder sql = new StringBuilder(400 + records * AuditRows.COLUMN_COUNT * 3 + contents * 20);
        sql.append("WITH head AS (UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, chain_key_id = ?, head_mac = ?, ")
                .append("updated_at = ? WHERE chain_id = ? AND last_seq = ? RETURNING 1), ")
                .append("rec AS (INSERT INTO audit_record (").append(AuditRows.COLUMNS).append(") SELECT v.* FROM head, (VALUES ");
        rows(sql, records, AuditRows.COLUMN_COUNT);
        sql.append(") AS v)");
        if (contents > 0) {
            sql.append(", kept AS (INSERT INTO audit_content (").append(CONTENT_COLUMNS).append(") SELECT v.* FROM head, (VALUES ");
            rows(sql, contents, 6);
            sql.append(") AS v)");
        }
        return sql.append(" SELECT COUNT(*) FROM head").toString();
    }

    private static void rows(StringBuilder sql, int rows, int columns) {
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns; c++) {
                sql.append(c == 0 ? "?" : ", ?");
            }
            sql.append(')');
        }
    }
}
