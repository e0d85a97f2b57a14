package nl.dijkwacht.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up policy changes without a restart. Every {@code dijkwacht.policy.poll-interval} (default 500ms) it re-reads
 * the kill-switch suspensions from the database, so a suspension made on one replica reaches all of them, and looks
 * at the YAML files in policies/ and models-config/: when their {@link PackStamp} (sizes, times, inodes — no reading)
 * differs from the last poll's, or that one was not settled, it hashes the files and reloads when the hash changed (a
 * broken edit is refused by {@link ActivePolicy#reload()} and the old policy stays). Hashing every file on every poll
 * cost ~1.3 ms of CPU a poll on an idle gateway (perf46). Polling rather than a file-system watch service: it works
 * the same on bind mounts, NFS and Kubernetes ConfigMaps (which swap a symlink). Once every {@link #FULL_CHECK} the
 * files are hashed whatever the stamp says — for a file server whose clock runs behind ours, which could make a
 * fresh edit's times look settled.
 */
public final class PolicyWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PolicyWatcher.class);
    static final Duration FULL_CHECK = Duration.ofMinutes(1);

    private final ActivePolicy policy;
    private final SuspensionStore suspensions;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private PackStamp lastStamp;
    private Instant lastHashed;
    private String lastFingerprint;
    private long hashes;
    private boolean suspensionsUnreadable;

    public PolicyWatcher(ActivePolicy policy, SuspensionStore suspensions, Duration interval) {
        this(policy, suspensions, interval, Clock.systemUTC());
    }

    PolicyWatcher(ActivePolicy policy, SuspensionStore suspensions, Duration interval, Clock clock) {
        this.policy = policy;
        this.suspensions = suspensions;
        this.clock = clock;
        hashPack();
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
        String before = lastFingerprint;
        if (!hashPack().equals(before)) {
            try {
                policy.reload();
            } catch (PolicyLoadException e) {
                // ActivePolicy logged it and kept the old policy; GET /admin/policy shows the problems
            }
        }
    }

    /**
     * The pack's hash, read again unless the stamp shows the files as they were at a settled earlier look; the stamp is
     * taken before the files are read, so an edit between the two shows in the next poll's stamp.
     */
    private String hashPack() {
        Instant now = clock.instant();
        PackStamp stamp = PackStamp.of(now, lastStamp, policy.policiesDir(), policy.modelsDir());
        if (stamp.unchangedSince(lastStamp) && now.isBefore(lastHashed.plus(FULL_CHECK))) {
            return lastFingerprint;
        }
        lastStamp = stamp;
        lastHashed = now;
        lastFingerprint = fingerprint(policy.policiesDir(), policy.modelsDir());
        hashes++;
        return lastFingerprint;
    }

    /** How often the pack's files were read and hashed (for tests: a poll that finds nothing changed reads nothing). */
    synchronized long hashes() {
        return hashes;
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
            try {
                files = PackStamp.yamlFiles(dir);
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
