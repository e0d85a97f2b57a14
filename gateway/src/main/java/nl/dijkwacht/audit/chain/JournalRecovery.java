package nl.dijkwacht.audit.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.dijkwacht.audit.store.AuditRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up step of the embedded store with a journal ({@link AuditJournal}, ADR 0010): inserts the journalled records
 * that H2 had not yet written to its file when the process ended (a kill, a crash), before any writer starts and before
 * the gateway reports ready. By chain position: per chain, the records after the head in H2 are inserted in one
 * transaction through the writer's own code ({@link ChainAppender#store}), the head moved with them. The
 * journal must continue the head exactly (next sequence number, predecessor hash) and every record must hash to its
 * journalled hash; if not, start-up fails rather than write a broken chain — the operator keeps the journal file for
 * inspection.
 */
public final class JournalRecovery {

    private static final Logger log = LoggerFactory.getLogger(JournalRecovery.class);

    private JournalRecovery() {
    }

    /** @return records inserted (0 after a clean shutdown) */
    public static int recover(DataSource dataSource, ChainCodec codec, AuditRows rows, List<Path> journals) {
        int inserted = 0;
        for (Path journal : journals) {
            Map<String, List<LinkedRecord>> byChain = new LinkedHashMap<>();
            try {
                for (AuditJournal.Batch batch : AuditJournal.read(journal)) {
                    for (AuditJournal.Entry e : batch.entries()) {
                        byChain.computeIfAbsent(batch.chain(), k -> new ArrayList<>()).add(e.linked(batch.chain()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the audit journal " + journal.getFileName(), e);
            }
            for (var chain : byChain.entrySet()) {
                inserted += replay(dataSource, codec, rows, chain.getKey(), chain.getValue());
            }
        }
        if (inserted > 0) {
            log.warn("audit journal: {} records that the embedded store had not yet written were restored", inserted);
        }
        return inserted;
    }

    private static int replay(DataSource dataSource, ChainCodec codec, AuditRows rows, String chainId,
                              List<LinkedRecord> journalled) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long headSeq = 0;
                String headHash = ChainCodec.GENESIS;
                boolean headRow = false;
                try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE chain_id = ?")) {
                    ps.setString(1, chainId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            headSeq = rs.getLong(1);
                            headHash = rs.getString(2);
                            headRow = true;
                        }
                    }
                }
                final long after = headSeq;
                List<LinkedRecord> missing = journalled.stream().filter(e -> e.link().seq() > after).toList();
                if (missing.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                long seq = headSeq;
                String prev = headHash;
                for (LinkedRecord e : missing) {
                    AuditRows.ChainLink l = e.link();
                    if (l.seq() != seq + 1 || !l.prevHash().equals(prev)) {
                        throw new IllegalStateException("audit journal of chain " + chainId + " does not continue the stored chain at "
                                + (seq + 1) + " (journal has " + l.seq() + "); journal kept, gateway not started");
                    }
                    if (l.chainKeyId().equals(codec.keyId()) && !codec.recordHash(chainId, l.seq(), prev, e.record()).equals(l.recordHash())) {
                        throw new IllegalStateException("audit journal of chain " + chainId + ": record " + l.seq()
                                + " does not match its hash; journal kept, gateway not started");
                    }
                    seq = l.seq();
                    prev = l.recordHash();
                }
                if (!headRow) { // the chain's first records: its head row was not yet in the file either
                    ChainAppender.insertGenesisHead(c, codec, chainId);
                }
                ChainAppender.store(c, codec, rows, chainId, headSeq, missing);
                c.commit();
                return missing.size();
            } catch (SQLException | RuntimeException | HeadMoved e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | HeadMoved e) {
            throw new IllegalStateException("audit journal of chain " + chainId + " could not be restored: " + e.getClass().getSimpleName(), e);
        }
    }
}
