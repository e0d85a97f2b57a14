package nl.dijkwacht.audit.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.audit.AuditDb;
import nl.dijkwacht.audit.TurnHasher;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.store.AuditRows;

/** What the look-up tests of the other choices share: the keys, hashed choices and a store's query plan. */
final class ChoiceLookupFixtures {

    static final TurnHasher HASHER = TurnHasher.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
    static final ChainCodec CODEC = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
    static final AuditRows ROWS = new AuditRows(new ObjectMapper());

    private ChoiceLookupFixtures() {
    }

    static List<String> choices(String answer, int n) {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(HASHER.turn("Antwoord " + answer + ", keuze " + i + ": het besluit volgt binnen acht weken.", List.of()));
        }
        return hashes;
    }

    static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The store's plan for {@code explain} (an EXPLAIN statement); PostgreSQL told to avoid a scan where it can (its tables here are tiny). */
    static String plan(AuditDb db, String explain, Object... params) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            if (db.isPostgres()) {
                c.createStatement().execute("SET enable_seqscan = off");
            }
            try (var ps = c.prepareStatement(explain)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                if (db.isPostgres()) {
                    c.createStatement().execute("RESET enable_seqscan");
                }
            }
        }
    }
}
