package nl.dijkwacht.policy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.catalog.ModelDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the policy in force. {@link #current()} is one atomic read of an immutable {@link PolicySet}; every
 * change — a reload of the files or a kill-switch suspension — builds a complete new snapshot and swaps it in
 * with one write, so a request never sees half a policy. A reload swaps only when the files loaded completely:
 * a broken edit never replaces a working policy; its problems are kept for {@code GET /admin/policy}.
 */
public final class ActivePolicy {

    private static final Logger log = LoggerFactory.getLogger(ActivePolicy.class);

    private final PolicyLoader loader;
    private final Path policiesDir;
    private final Path modelsDir;
    private final AtomicReference<PolicySet> current = new AtomicReference<>();
    private final Object reloadLock = new Object();
    /** How often a reload reads the files when they changed while it read them (see {@link #settledLoad()}). */
    static final int SETTLE_READS = 5;
    private PolicySet files;
    private List<Suspension> suspensions = List.of();
    /** Numbers the reads of a {@link SuspensionStore}; only a read newer than the last one applied may be applied. */
    private final AtomicLong suspensionReads = new AtomicLong();
    private long appliedRead;
    private volatile Instant loadedAt;
    private volatile Failure lastFailure;

    /** A reload that was refused: when, and every problem it found. */
    public record Failure(Instant at, List<PolicyProblem> problems, String message) {
    }

    public ActivePolicy(PolicyLoader loader, Path policiesDir, Path modelsDir) {
        this.loader = loader;
        this.policiesDir = policiesDir;
        this.modelsDir = modelsDir;
        PolicySet first = loader.load(policiesDir, modelsDir);
        synchronized (this) {
            files = first;
            publish();
        }
        loadedAt = Instant.now();
        log.info("policy {} loaded: {} tools, {} use-cases, {} models", first.version(), first.tools().size(),
                first.useCases().size(), first.catalog().all().size());
    }

    public PolicySet current() {
        return current.get();
    }

    public Path policiesDir() {
        return policiesDir;
    }

    public Path modelsDir() {
        return modelsDir;
    }

    /** When the files in force were read. */
    public Instant loadedAt() {
        return loadedAt;
    }

    /** The last refused reload, or {@code null} when the last reload succeeded. */
    public Failure lastFailure() {
        return lastFailure;
    }

    /** Loads the files again; on success the new snapshot is in force, on failure the old one stays and the error is thrown. */
    public PolicySet reload() {
        // one reload at a time (watcher and admin endpoint): a slower, older read can never overwrite a newer one
        synchronized (reloadLock) {
            return reloadNow();
        }
    }

    private PolicySet reloadNow() {
        PolicySet next;
        try {
            next = settledLoad();
        } catch (PolicyLoadException e) {
            lastFailure = new Failure(Instant.now(), e.problems(), e.getMessage());
            log.error("policy reload refused, policy {} stays in force: {}", current().version(), e.getMessage());
            throw e;
        }
        PolicySet published;
        synchronized (this) {
            String previous = files.version();
            files = next;
            published = publish();
            if (!next.version().equals(previous)) {
                log.info("policy {} replaced {}", next.version(), previous);
            }
        }
        loadedAt = Instant.now();
        lastFailure = null;
        return published;
    }

    /**
     * Reads the kill-switch suspensions from the store and applies them — unless a read that started later was
     * applied meanwhile: the watcher's poll and an admin call read the same table, and without this order the poll's
     * older read (taken just before the admin call wrote its row) could be applied after the admin call's and lift a
     * suspension the admin API had already answered 200 for, until the next poll. No lock is held while reading.
     *
     * @throws RuntimeException when the store cannot be read (nothing changes then)
     */
    public PolicySet refreshSuspensions(SuspensionStore store) {
        long read = suspensionReads.incrementAndGet();
        List<Suspension> all = store.all();
        synchronized (this) {
            if (read < appliedRead) {
                return current();
            }
            appliedRead = read;
            return suspensions(all);
        }
    }

    /**
     * Loads the files, and keeps the result only when no file changed while they were read: an edit of two files (a
     * use-case that lists a new model, and the model's file) saved while the loader is between the use-cases and the
     * catalogue would otherwise give a pack that never was on disk — the use-case of before with the catalogue of after.
     * Such a read (loaded or refused) is read again, up to {@value #SETTLE_READS} times; files that keep changing are
     * refused like a broken edit, and the policy in force stays.
     */
    private PolicySet settledLoad() {
        for (int read = 1; ; read++) {
            String before = PolicyWatcher.fingerprint(policiesDir, modelsDir);
            PolicySet loaded = null;
            PolicyLoadException refused = null;
            try {
                loaded = loader.load(policiesDir, modelsDir);
            } catch (PolicyLoadException e) {
                refused = e;
            }
            if (before.equals(PolicyWatcher.fingerprint(policiesDir, modelsDir))) {
                if (refused != null) {
                    throw refused;
                }
                return loaded;
            }
            if (read == SETTLE_READS) {
                throw new PolicyLoadException(List.of(new PolicyProblem(policiesDir, 0, null,
                        "de bestanden veranderden bij elke poging terwijl ze werden ingelezen; laad opnieuw als het bewerken klaar is")));
            }
            log.info("policy files changed while they were read; reading them again");
        }
    }

    /** Applies the kill-switch suspensions (from the admin API / database); a new snapshot only when they changed. */
    public PolicySet suspensions(List<Suspension> next) {
        List<Suspension> sorted = next.stream()
                .sorted(Comparator.comparing((Suspension s) -> s.kind()).thenComparing(Suspension::targetId)).toList();
        synchronized (this) {
            if (keys(sorted).equals(keys(suspensions))) {
                suspensions = sorted;
                return current();
            }
            suspensions = sorted;
            PolicySet published = publish();
            log.info("policy {} in force after suspensions changed ({} active)", published.version(), sorted.size());
            return published;
        }
    }

    public synchronized List<Suspension> suspensions() {
        return suspensions;
    }

    private PolicySet publish() {
        PolicySet composed = compose(files, suspensions);
        current.set(composed);
        return composed;
    }

    /** The files' policy with the suspensions applied; the version gains '+' and a hash of the suspensions. */
    static PolicySet compose(PolicySet files, List<Suspension> suspensions) {
        if (suspensions.isEmpty()) {
            return files;
        }
        Map<String, ModelDefinition> models = new LinkedHashMap<>();
        files.catalog().all().forEach(m -> models.put(m.id(), m));
        Map<String, UseCasePolicy> useCases = new LinkedHashMap<>(files.useCases());
        for (Suspension s : suspensions) {
            String by = "api:" + s.suspendedBy();
            switch (s.kind()) {
                case MODEL -> models.computeIfPresent(s.targetId(), (id, m) -> m.withGovernance(m.governance().suspendedBy(by)));
                case USE_CASE -> useCases.computeIfPresent(s.targetId(), (id, u) -> u.suspendedBy(by));
            }
        }
        String version = files.version() + "+" + shortHash(keys(suspensions));
        return new PolicySet(version, files.tools(), useCases, new ModelCatalog(models.values()), files.operators(), files.governance(), files.limits());
    }

    private static String keys(List<Suspension> suspensions) {
        StringBuilder out = new StringBuilder();
        suspensions.forEach(s -> out.append(s.kind().storedName()).append(':').append(s.targetId()).append('\n'));
        return out.toString();
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
