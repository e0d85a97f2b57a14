package nl.dijkwacht.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.store.AuditRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links a batch of records onto one chain — sequence numbers and predecessor hashes in batch order — and writes it in
 * ONE transaction (group commit). Across processes the chain head row is moved with compare-and-set
 * ({@code WHERE last_seq = ?}) in the same transaction: if two gateways were (mis)configured with the same chain id,
 * the loser rolls back, re-reads the head and relinks — the chain never forks. Used by whoever holds the chain (one
 * writer at a time), so the head it remembers is where its last commit left it.
 *
 * <p>A rehearsal appender (the start-up warm-up) links, hashes and writes exactly the same way and then rolls back.
 */
final class ChainAppender {

    private static final Logger log = LoggerFactory.getLogger(ChainAppender.class);
    private static final String UPDATE_HEAD = """
            UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, chain_key_id = ?, head_mac = ?, updated_at = ?
            WHERE chain_id = ? AND last_seq = ?""";
    private static final String INSERT_CONTENT = """
            INSERT INTO audit_content (trace_id, occurred_at, expires_at, use_case, redacted_prompt, redacted_answer)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_HEAD = """
            INSERT INTO audit_chain_head (chain_id, last_seq, last_hash, chain_key_id, head_mac, updated_at)
            VALUES (?, 0, ?, ?, ?, ?)""";
    private static final int ATTEMPTS = 50;

    private final DataSource dataSource;
    private final ChainCodec codec;
    private final AuditRows rows;
    private final String chainId;
    private final boolean rehearsal;
    private volatile Boolean postgres; // the store's dialect, from the first connection
    private Head head; // null = read it from the database
    /**
     * The MAC and canonical buffer of this chain's record hashes and head MACs, kept from batch to batch (one writer at a
     * time, as {@link #head}): each hash leaves it keyed and empty. Dropped when a write fails, whatever state it was in.
     */
    private ChainCodec.Hashing hashing;

    ChainAppender(DataSource dataSource, ChainCodec codec, AuditRows rows, String chainId, boolean rehearsal) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.rows = rows;
        this.chainId = chainId;
        this.rehearsal = rehearsal;
    }

    private record Head(long seq, String hash) {
    }

    /** True once the first write has told that the store is PostgreSQL. */
    boolean onPostgres() {
        return Boolean.TRUE.equals(postgres);
    }

    /**
     * Links the batch after the chain's head and commits it (a rehearsal rolls back).
     *
     * @return the batch as linked, in chain order
     * @throws SQLException or a RuntimeException when nothing was committed; the head is read again next time
     */
    List<LinkedRecord> append(List<PendingRecord> batch) throws SQLException {
        boolean written = false;
        try {
            List<LinkedRecord> linked = appendWithRetry(batch);
            written = true;
            return linked;
        } finally {
            if (!written) { // whatever was thrown (an Error too): read the head again, start the hashes afresh
                head = null;
                hashing = null;
            }
        }
    }

    private List<LinkedRecord> appendWithRetry(List<PendingRecord> batch) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return tryWrite(batch);
            } catch (HeadMoved moved) {
                head = null;
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("chain " + chainId + " head kept moving; another writer uses this chain id");
                }
                if (attempt == 1) {
                    log.warn("audit chain {} was moved by another writer: give every gateway its own dijkwacht.audit.chain-id", chainId);
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 + attempt)); // back off
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    private List<LinkedRecord> tryWrite(List<PendingRecord> batch) throws SQLException, HeadMoved {
        try (Connection c = dataSource.getConnection()) {
            if (postgres == null) {
                postgres = PostgresAppend.isPostgres(c);
            }
            // PostgreSQL, up to 16 records: one statement, its own transaction (auto-commit); otherwise a transaction
            // of two or three statements (the head, the records, their retained content)
            boolean oneStatement = postgres && PostgresAppend.takes(batch.size());
            boolean autoCommit = oneStatement && !rehearsal;
            c.setAutoCommit(autoCommit);
            try {
                Head start = head != null ? head : loadHead(c);
                long seq = start.seq();
                String prev = start.hash();
                List<LinkedRecord> linked = new ArrayList<>(batch.size());
                if (hashing == null) {
                    hashing = codec.hashing();
                }
                for (PendingRecord p : batch) {
                    seq++;
                    String hash = hashing.recordHash(chainId, seq, prev, p.record());
                    linked.add(new LinkedRecord(new AuditRows.ChainLink(chainId, seq, prev, hash, codec.keyId()), p.record(), p.content()));
                    prev = hash;
                }
                if (oneStatement) {
                    PostgresAppend.store(c, codec, hashing, rows, chainId, start.seq(), linked);
                } else {
                    store(c, codec, hashing, rows, chainId, start.seq(), linked);
                }
                if (rehearsal) {
                    c.rollback();
                    head = null;
                } else {
                    if (!autoCommit) {
                        c.commit();
                    }
                    head = new Head(seq, prev);
                }
                return linked;
            } catch (SQLException | RuntimeException | HeadMoved e) {
                if (!autoCommit) {
                    try {
                        c.rollback();
                    } catch (SQLException ignored) {
                        // the connection is broken; the pool drops it
                    }
                }
                throw e;
            }
        }
    }

    /**
     * Writes linked records of one chain after the head {@code expectedSeq} in the connection's transaction: moves
     * the head (compare-and-set), inserts the records and their retained content. The writer and the journal's
     * recovery ({@link JournalRecovery}) both write through here. The caller commits.
     */
    static void store(Connection c, ChainCodec codec, AuditRows rows, String chainId, long expectedSeq, List<LinkedRecord> linked)
            throws SQLException, HeadMoved {
        store(c, codec, codec.hashing(), rows, chainId, expectedSeq, linked);
    }

    /** As above, the head's MAC made with the batch's {@code hashing}. */
    static void store(Connection c, ChainCodec codec, ChainCodec.Hashing hashing, AuditRows rows, String chainId, long expectedSeq,
                      List<LinkedRecord> linked) throws SQLException, HeadMoved {
        LinkedRecord last = linked.getLast();
        try (PreparedStatement ps = c.prepareStatement(UPDATE_HEAD)) {
            ps.setLong(1, last.link().seq());
            ps.setString(2, last.link().recordHash());
            ps.setString(3, codec.keyId());
            ps.setString(4, hashing.headMac(chainId, last.link().seq(), last.link().recordHash()));
            ps.setObject(5, AuditRows.time(Instant.now()));
            ps.setString(6, chainId);
            ps.setLong(7, expectedSeq);
            if (ps.executeUpdate() != 1) {
                throw new HeadMoved();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(AuditRows.INSERT)) {
            for (LinkedRecord r : linked) {
                rows.bind(ps, r.link(), r.record());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (anyContent(linked)) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_CONTENT)) {
                for (LinkedRecord p : linked) {
                    if (p.content() != null) {
                        AuditRecord r = p.record();
                        ps.setString(1, r.traceId());
                        ps.setObject(2, AuditRows.time(r.occurredAt()));
                        ps.setObject(3, AuditRows.time(p.content().expiresAt()));
                        ps.setString(4, r.useCase());
                        ps.setString(5, p.content().redactedPrompt());
                        ps.setString(6, p.content().redactedAnswer());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
    }

    private static boolean anyContent(List<LinkedRecord> linked) {
        for (LinkedRecord r : linked) {
            if (r.content() != null) {
                return true;
            }
        }
        return false;
    }

    private Head loadHead(Connection c) throws SQLException {
        Head found = readHead(c);
        if (found != null) {
            return found;
        }
        // a new chain: create its head (seq 0, genesis) in a transaction of its own
        try (Connection own = dataSource.getConnection()) {
            own.setAutoCommit(true);
            insertGenesisHead(own, codec, chainId);
        } catch (SQLException duplicate) {
            // created meanwhile by another writer: fine, read it below
        }
        found = readHead(c);
        if (found == null) {
            throw new SQLException("chain head for " + chainId + " could not be created");
        }
        return found;
    }

    /** A new chain's head row: sequence 0, the genesis hash, signed with the current key. */
    static void insertGenesisHead(Connection c, ChainCodec codec, String chainId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_HEAD)) {
            ps.setString(1, chainId);
            ps.setString(2, ChainCodec.GENESIS);
            ps.setString(3, codec.keyId());
            ps.setString(4, codec.headMac(chainId, 0, ChainCodec.GENESIS));
            ps.setObject(5, AuditRows.time(Instant.now()));
            ps.executeUpdate();
        }
    }

    private Head readHead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE chain_id = ?")) {
            ps.setString(1, chainId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : null;
            }
        }
    }
}
