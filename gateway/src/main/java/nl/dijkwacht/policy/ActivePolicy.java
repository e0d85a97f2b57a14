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
    private PolicySet files;
    private List<Suspension> suspensions = List.of();
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
            next = loader.load(policiesDir, modelsDir);
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
