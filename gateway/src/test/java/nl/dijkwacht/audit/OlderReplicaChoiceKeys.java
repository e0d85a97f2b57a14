package nl.dijkwacht.audit;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The other choices' keys as a replica before V190 (audit47/48) stores them, for tests of a rolling update: a row per
 * choice in {@code audit_choice_key} (key, seq, chain) instead of the packed {@code choice_keys} on the record. Moves
 * what the current writer packed into the record to such rows.
 */
public final class OlderReplicaChoiceKeys {

    private OlderReplicaChoiceKeys() {
    }

    /** Every record's packed keys become rows of {@code audit_choice_key}; the records keep none. Returns the rows made. */
    public static int asWrittenBeforeV190(AuditDb db) {
        List<Object[]> rows = new ArrayList<>();
        try (var c = db.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT chain_id, seq, choice_keys FROM audit_record WHERE choice_keys IS NOT NULL")) {
            while (rs.next()) {
                ByteBuffer keys = ByteBuffer.wrap(rs.getBytes(3));
                while (keys.hasRemaining()) {
                    rows.add(new Object[] {keys.getLong(), rs.getLong(2), rs.getString(1)});
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        for (Object[] row : rows) {
            db.update("INSERT INTO audit_choice_key (choice_key, seq, chain_id) VALUES (?, ?, ?)", row);
        }
        db.update("UPDATE audit_record SET choice_keys = NULL WHERE choice_keys IS NOT NULL");
        return rows.size();
    }
}
