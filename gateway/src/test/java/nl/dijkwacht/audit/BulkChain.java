package nl.dijkwacht.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.LongFunction;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.store.AuditRows;

/** Writes a long, correctly chained log quickly (JDBC batches), for volume tests. */
public final class BulkChain {

    private BulkChain() {
    }

    public static void write(AuditDb db, ChainCodec codec, AuditRows rows, String chainId, long count,
                             LongFunction<AuditRecord> records) throws SQLException {
        write(db.dataSource(), codec, rows, chainId, count, records);
    }

    public static void write(javax.sql.DataSource dataSource, ChainCodec codec, AuditRows rows, String chainId, long count,
                             LongFunction<AuditRecord> records) throws SQLException {
        String prev = ChainCodec.GENESIS;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(AuditRows.INSERT)) {
                for (long seq = 1; seq <= count; seq++) {
                    AuditRecord r = records.apply(seq);
                    String hash = codec.recordHash(chainId, seq, prev, r);
                    rows.bind(ps, new AuditRows.ChainLink(chainId, seq, prev, hash, codec.keyId()), r);
                    ps.addBatch();
                    prev = hash;
                    if (seq % 2000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO audit_chain_head (chain_id, last_seq, last_hash, chain_key_id, head_mac, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, chainId);
                ps.setLong(2, count);
                ps.setString(3, prev);
                ps.setString(4, codec.keyId());
                ps.setString(5, codec.headMac(chainId, count, prev));
                ps.setObject(6, AuditRows.time(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
        }
    }
}
