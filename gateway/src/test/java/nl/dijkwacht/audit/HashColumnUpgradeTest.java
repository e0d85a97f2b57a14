package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.sql.DataSource;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.chain.VerifyReport;
import nl.dijkwacht.audit.store.AuditRows;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrade of an existing store to the binary hash columns (V101) and, on PostgreSQL, the deduplicated dimension
 * indexes (V102): records written as hex text before keep their hashes, the chain still verifies across the change,
 * and new records chain on.
 */
class HashColumnUpgradeTest {

    static final ChainCodec CODEC = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
    static final AuditRows ROWS = new AuditRows(new ObjectMapper());

    @Test
    void embeddedStore() throws Exception {
        var ds = new DriverManagerDataSource("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        upgradeKeepsTheChain(ds, "h2", null);
    }

    @Test
    void postgres() throws Exception {
        try (Connection c = DriverManager.getConnection(AuditDb.PG_URL, AuditDb.PG_USER, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("PostgreSQL not reachable", e);
            }
            System.err.println("SKIPPED: PostgreSQL at " + AuditDb.PG_URL + " not reachable: upgrade NOT tested");
            Assumptions.abort("PostgreSQL not reachable");
        }
        String schema = "dw_upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var ds = new DriverManagerDataSource(AuditDb.PG_URL + "?currentSchema=" + schema, AuditDb.PG_USER, "");
        try {
            upgradeKeepsTheChain(ds, "postgresql", schema);
        } finally {
            try (Connection c = ds.getConnection(); var st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void upgradeKeepsTheChain(DataSource ds, String vendor, String schema) throws Exception {
        flyway(ds, vendor, schema).target("100").load().migrate();
        String prompt = HexFormat.of().formatHex(new byte[32]).replace('0', '7');
        String prev = ChainCodec.GENESIS;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_BEFORE_V140)) {
            PreparedStatement hexText = asHexText(ps);
            for (long seq = 1; seq <= 20; seq++) {
                AuditRecord r = AuditRecord.builder().traceId("t-" + seq).occurredAt(Instant.parse("2026-11-20T10:00:00Z").plusSeconds(seq))
                        .bioAction("chat.completions").bioResult("success").bioOrigin("tool:x").endpoint("chat.completions")
                        .policyVersion("pv").decision("allowed").httpStatus(200).hashKeyId("k1").promptHmac(prompt)
                        .answerHmac(seq % 2 == 0 ? null : prompt.replace('7', 'a')).build();
                String hash = CODEC.recordHash("node", seq, prev, r);
                ROWS.bind(hexText, new AuditRows.ChainLink("node", seq, prev, hash, CODEC.keyId()), r);
                ps.executeUpdate();
                prev = hash;
            }
            try (PreparedStatement head = c.prepareStatement("INSERT INTO audit_chain_head (chain_id, last_seq, last_hash,"
                    + " chain_key_id, head_mac, updated_at) VALUES ('node', 20, ?, ?, ?, ?)")) {
                head.setString(1, prev);
                head.setString(2, CODEC.keyId());
                head.setString(3, CODEC.headMac("node", 20, prev));
                head.setObject(4, AuditRows.time(Instant.now()));
                head.executeUpdate();
            }
        }

        flyway(ds, vendor, schema).outOfOrder(true).load().migrate();

        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(ds, CODEC, ROWS, "node").start()) {
            sink.append(Records.sample("t-21", Instant.parse("2026-11-20T11:00:00Z")));
        }
        VerifyReport report = new ChainVerifier(ds, CODEC, ROWS).verify("node", null, null);
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(21);
        try (Connection c = ds.getConnection(); var rs = c.createStatement().executeQuery(
                "SELECT * FROM audit_record WHERE trace_id = 't-3'")) {
            assertThat(rs.next()).isTrue();
            AuditRows.Stored s = ROWS.map(rs);
            assertThat(s.record().promptHmac()).isEqualTo(prompt);
            assertThat(s.record().answerHmac()).isEqualTo(prompt.replace('7', 'a'));
            assertThat(rs.getBytes("record_hash")).hasSize(32);
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource ds, String vendor, String schema) {
        var f = Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
        return schema == null ? f : f.schemas(schema).createSchemas(true);
    }

    /** The insert as a store at V100 takes it: without {@code turn_hmac} (V140) and {@code choice_keys} (V190), the last columns. */
    private static final String INSERT_BEFORE_V140 = "INSERT INTO audit_record ("
            + AuditRows.COLUMNS.substring(0, AuditRows.COLUMNS.lastIndexOf(", turn_hmac")) + ") VALUES ("
            + "?, ".repeat(AuditRows.COLUMN_COUNT - 3) + "?)";

    /**
     * The statement as the store before V101 took it: the hash columns as hex text (and no {@code turn_hmac} nor
     * {@code choice_keys}, whose parameters the row binder still sets).
     */
    private static PreparedStatement asHexText(PreparedStatement ps) {
        return (PreparedStatement) Proxy.newProxyInstance(HashColumnUpgradeTest.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set") && args != null && args.length > 0
                            && args[0] instanceof Integer index && index >= AuditRows.COLUMN_COUNT - 1) {
                        return null;
                    }
                    if (method.getName().equals("setBytes")) {
                        ps.setString((int) args[0], args[1] == null ? null : HexFormat.of().formatHex((byte[]) args[1]));
                        return null;
                    }
                    return method.invoke(ps, args);
                });
    }
}
