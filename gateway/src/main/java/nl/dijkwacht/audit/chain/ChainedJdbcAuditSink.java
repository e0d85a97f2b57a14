package nl.dijkwacht.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.AuditSink;
import nl.dijkwacht.audit.RetainedContent;
import nl.dijkwacht.audit.store.AuditRows;

/**
 * Appends records to one hash chain ({@code chainId}, one per gateway instance), committed before it returns.
 *
 * <p>Concurrency: appends from many request threads go through one lock per chain (a single writer), so
 * sequence numbers and predecessor hashes are assigned in commit order. Across processes the chain head row is
 * updated with compare-and-set ({@code WHERE last_seq = ?}) in the same transaction as the insert: if two gateways
 * were (mis)configured with the same chain id, the loser rolls back, re-reads the head and retries — the chain
 * never forks. Each append is one transaction: head update, record insert, optional content insert, commit.
 */
public final class ChainedJdbcAuditSink implements AuditSink {

    private static final String UPDATE_HEAD = """
            UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, chain_key_id = ?, head_mac = ?, updated_at = ?
            WHERE chain_id = ? AND last_seq = ?""";
    private static final String INSERT_CONTENT = """
            INSERT INTO audit_content (trace_id, occurred_at, expires_at, use_case, redacted_prompt, redacted_answer)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final int ATTEMPTS = 5;

    private final DataSource dataSource;
    private final ChainCodec codec;
    private final AuditRows rows;
    private final String chainId;
    private final ReentrantLock lock = new ReentrantLock();
    private Head head; // guarded by lock; null = read it from the database

    public ChainedJdbcAuditSink(DataSource dataSource, ChainCodec codec, AuditRows rows, String chainId) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.rows = rows;
        this.chainId = chainId;
    }

    public String chainId() {
        return chainId;
    }

    private record Head(long seq, String hash) {
    }

    @Override
    public void append(AuditRecord record, RetainedContent content) {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                if (tryAppend(record, content)) {
                    return;
                }
                head = null;
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("chain " + chainId + " head kept moving; another writer uses this chain id");
                }
            }
        } catch (SQLException e) {
            head = null;
            throw new IllegalStateException("audit store write failed: " + e.getSQLState(), e);
        } finally {
            lock.unlock();
        }
    }

    /** @return false when another writer moved the head (nothing was written) */
    private boolean tryAppend(AuditRecord record, RetainedContent content) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Head current = head != null ? head : loadHead(c);
                long seq = current.seq() + 1;
                String hash = codec.recordHash(chainId, seq, current.hash(), record);
                try (PreparedStatement ps = c.prepareStatement(UPDATE_HEAD)) {
                    ps.setLong(1, seq);
                    ps.setString(2, hash);
                    ps.setString(3, codec.keyId());
                    ps.setString(4, codec.headMac(chainId, seq, hash));
                    ps.setObject(5, AuditRows.time(Instant.now()));
                    ps.setString(6, chainId);
                    ps.setLong(7, current.seq());
                    if (ps.executeUpdate() != 1) {
                        c.rollback();
                        return false;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(AuditRows.INSERT)) {
                    rows.bind(ps, new AuditRows.ChainLink(chainId, seq, current.hash(), hash, codec.keyId()), record);
                    ps.executeUpdate();
                }
                if (content != null) {
                    try (PreparedStatement ps = c.prepareStatement(INSERT_CONTENT)) {
                        ps.setString(1, record.traceId());
                        ps.setObject(2, AuditRows.time(record.occurredAt()));
                        ps.setObject(3, AuditRows.time(content.expiresAt()));
                        ps.setString(4, record.useCase());
                        ps.setString(5, content.redactedPrompt());
                        ps.setString(6, content.redactedAnswer());
                        ps.executeUpdate();
                    }
                }
                c.commit();
                head = new Head(seq, hash);
                return true;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is broken; the pool drops it
                }
                throw e;
            }
        }
    }

    private Head loadHead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE chain_id = ?")) {
            ps.setString(1, chainId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new Head(rs.getLong(1), rs.getString(2));
                }
            }
        }
        // a new chain: create its head (seq 0, genesis) in a transaction of its own
        try (Connection own = dataSource.getConnection();
             PreparedStatement ps = own.prepareStatement("""
                     INSERT INTO audit_chain_head (chain_id, last_seq, last_hash, chain_key_id, head_mac, updated_at)
                     VALUES (?, 0, ?, ?, ?, ?)""")) {
            own.setAutoCommit(true);
            ps.setString(1, chainId);
            ps.setString(2, ChainCodec.GENESIS);
            ps.setString(3, codec.keyId());
            ps.setString(4, codec.headMac(chainId, 0, ChainCodec.GENESIS));
            ps.setObject(5, AuditRows.time(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException duplicate) {
            // created meanwhile by another writer: fine, read it below
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE chain_id = ?")) {
            ps.setString(1, chainId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("chain head for " + chainId + " could not be created");
                }
                return new Head(rs.getLong(1), rs.getString(2));
            }
        }
    }
}
