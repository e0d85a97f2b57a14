package nl.dijkwacht.audit.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.audit.store.AuditRows;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Verifies the audit chains straight from the database, without a running gateway:
 * <pre>
 * java -cp gateway/target/gateway-*.jar -Dloader.main=nl.dijkwacht.audit.chain.VerifyCommand \
 *      org.springframework.boot.loader.launch.PropertiesLauncher \
 *      --url=jdbc:postgresql://db/dijkwacht --user=auditor [--password=…] \
 *      [--secret-file=data/secret.key | env DIJKWACHT_SECRET_KEY] [--chain=main] [--anchor-seq=N --anchor-hash=H]
 *      [--from-seq=N --from-hash=H] [--to-seq=N]
 * </pre>
 * {@code --from-seq/--from-hash} (one chain): resume after the {@code last_seq}/{@code last_hash} of an earlier run;
 * {@code --to-seq}: stop there (a slice; the head is checked only by the slice that reaches it).
 * Prints the report as JSON. Exit code 0: every chain verifies; 1: a broken or missing link; 2: could not run.
 */
public final class VerifyCommand {

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                err.println("usage: --url=<jdbc url> [--user=] [--password=] [--secret-file=<file>] [--chain=] [--anchor-seq= --anchor-hash=] [--from-seq= --from-hash=] [--to-seq=]");
                return 2;
            }
            opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        try {
            String url = require(opts, "url");
            byte[] secret = secret(opts.get("secret-file"));
            DriverManagerDataSource ds = new DriverManagerDataSource(url, opts.getOrDefault("user", ""), opts.getOrDefault("password", ""));
            ObjectMapper json = new ObjectMapper();
            ChainVerifier verifier = new ChainVerifier(ds, ChainCodec.fromSecret(secret), new AuditRows(json));
            boolean slice = opts.containsKey("from-seq") || opts.containsKey("from-hash") || opts.containsKey("to-seq");
            if (slice && !opts.containsKey("chain")) {
                throw new IllegalArgumentException("--from-seq, --from-hash and --to-seq need --chain");
            }
            if (opts.containsKey("from-seq") != opts.containsKey("from-hash")) {
                throw new IllegalArgumentException("give --from-seq and --from-hash together (last_seq and last_hash of an earlier run)");
            }
            ChainVerifier.Resume from = opts.containsKey("from-seq")
                    ? new ChainVerifier.Resume(Long.parseLong(opts.get("from-seq")), opts.get("from-hash")) : null;
            List<VerifyReport> reports = opts.containsKey("chain")
                    ? List.of(verifier.verify(opts.get("chain"),
                            opts.containsKey("anchor-seq") ? Long.valueOf(opts.get("anchor-seq")) : null, opts.get("anchor-hash"),
                            from, opts.containsKey("to-seq") ? Long.parseLong(opts.get("to-seq")) : Long.MAX_VALUE))
                    : verifier.verifyAll();
            boolean ok = reports.stream().allMatch(VerifyReport::ok);
            ObjectMapper printer = json.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT);
            out.println(printer.writeValueAsString(Map.of("ok", ok, "chains", reports)));
            return ok ? 0 : 1;
        } catch (RuntimeException | IOException e) {
            err.println("verify could not run: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 2;
        }
    }

    private static String require(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    /** The gateway secret: {@code --secret-file} (as written in the data directory) or env DIJKWACHT_SECRET_KEY. */
    private static byte[] secret(String file) throws IOException {
        String base64 = file != null ? Files.readString(Path.of(file)) : System.getenv("DIJKWACHT_SECRET_KEY");
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("give --secret-file=<data dir>/secret.key or set DIJKWACHT_SECRET_KEY");
        }
        return Base64.getDecoder().decode(base64.strip());
    }
}
