package nl.dijkwacht.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up policy changes without a restart. Every {@code dijkwacht.policy.poll-interval} (default 500ms) it hashes
 * the YAML files in policies/ and models-config/ and reloads when the hash changed (a broken edit is refused by
 * {@link ActivePolicy#reload()} and the old policy stays), and it re-reads the kill-switch suspensions from the
 * database, so a suspension made on one replica reaches all of them. Polling rather than a file-system watch
 * service: it works the same on bind mounts, NFS and Kubernetes ConfigMaps (which swap a symlink).
 */
public final class PolicyWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PolicyWatcher.class);

    private final ActivePolicy policy;
    private final SuspensionStore suspensions;
    private final ScheduledExecutorService scheduler;
    private String lastFingerprint;
    private boolean suspensionsUnreadable;

    public PolicyWatcher(ActivePolicy policy, SuspensionStore suspensions, Duration interval) {
        this.policy = policy;
        this.suspensions = suspensions;
        this.lastFingerprint = fingerprint(policy.policiesDir(), policy.modelsDir());
        policy.refreshSuspensions(suspensions);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "policy-watcher");
            t.setDaemon(true);
            return t;
        });
        if (!interval.isZero() && !interval.isNegative()) {
            scheduler.scheduleWithFixedDelay(this::pollQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One poll: suspensions, then files. Public so tests and the reload endpoint can drive it. */
    public synchronized void poll() {
        try {
            policy.refreshSuspensions(suspensions);
            if (suspensionsUnreadable) {
                log.info("kill-switch suspensions readable again");
                suspensionsUnreadable = false;
            }
        } catch (RuntimeException e) {
            if (!suspensionsUnreadable) {
                log.error("cannot read kill-switch suspensions, the last known ones stay in force: {}", e.getClass().getSimpleName());
                suspensionsUnreadable = true;
            }
        }
        String fingerprint = fingerprint(policy.policiesDir(), policy.modelsDir());
        if (!fingerprint.equals(lastFingerprint)) {
            lastFingerprint = fingerprint;
            try {
                policy.reload();
            } catch (PolicyLoadException e) {
                // ActivePolicy logged it and kept the old policy; GET /admin/policy shows the problems
            }
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.error("policy poll failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** A hash over the names and contents of all YAML files under both directories. */
    static String fingerprint(Path... dirs) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                digest.update(("missing:" + dir).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir, 3)) {
                files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                // UncheckedIOException: a file deleted while the walk reads it (an edit in progress); the next poll sees it
                digest.update(("unreadable:" + dir).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            for (Path file : files) {
                digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
                try {
                    digest.update(Files.readAllBytes(file));
                } catch (IOException e) {
                    digest.update("unreadable".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
