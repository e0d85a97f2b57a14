package nl.dijkwacht.policy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the policy in force. {@link #current()} is one atomic read; {@link #reload()} swaps in a new snapshot
 * only when it loaded completely, so a broken edit never replaces a working policy.
 */
public final class ActivePolicy {

    private static final Logger log = LoggerFactory.getLogger(ActivePolicy.class);

    private final PolicyLoader loader;
    private final Path policiesDir;
    private final Path modelsDir;
    private final AtomicReference<PolicySet> current = new AtomicReference<>();

    public ActivePolicy(PolicyLoader loader, Path policiesDir, Path modelsDir) {
        this.loader = loader;
        this.policiesDir = policiesDir;
        this.modelsDir = modelsDir;
        PolicySet first = loader.load(policiesDir, modelsDir);
        current.set(first);
        log.info("policy {} loaded: {} tools, {} use-cases, {} models", first.version(), first.tools().size(),
                first.useCases().size(), first.catalog().all().size());
    }

    public PolicySet current() {
        return current.get();
    }

    /** Loads the files again; on success the new snapshot is in force, on failure the old one stays and the error is thrown. */
    public PolicySet reload() {
        PolicySet next = loader.load(policiesDir, modelsDir);
        PolicySet previous = current.getAndSet(next);
        if (!next.version().equals(previous.version())) {
            log.info("policy {} replaced {}", next.version(), previous.version());
        }
        return next;
    }
}
