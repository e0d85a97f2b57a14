package nl.dijkwacht.pii;

import nl.dijkwacht.pii.detect.name.PersonNameRecognizer;

/**
 * The engine as the standalone measuring tools build it (PiiEngineBenchmark, PiiEngineBenchmarkMain,
 * PiiEngineCostComparison): {@code -Ddijkwacht.pii.name-window-cache=N}, the JVM option of the gateway's setting of
 * that name, sets the name model's window cache (0: every window decoded, as for text never seen). JmhRun passes the
 * option on to the benchmark's forked JVM.
 */
public final class StandaloneEngine {

    public static final String NAME_WINDOW_CACHE = "dijkwacht.pii.name-window-cache";

    private StandaloneEngine() {
    }

    /** Slots of the name model's window cache: the JVM option, else the gateway's default. */
    public static int nameWindowCache() {
        return Integer.getInteger(NAME_WINDOW_CACHE, PersonNameRecognizer.DEFAULT_WINDOW_CACHE);
    }

    /** The full engine with {@link #nameWindowCache()} slots. */
    public static PiiEngine dutch() {
        return PiiEngine.dutch(nameWindowCache());
    }
}
