package nl.dijkwacht.audit.store;

/**
 * Turns off H2's shared value cache ({@code h2.objectCache}) unless the operator set it: H2 reads the property once,
 * when its first class loads, so this runs in {@code main} before anything opens the store.
 *
 * <p>With the cache on, every parameter the audit writer binds — 55 columns a record, on the embedded store — is
 * hashed and looked up in one shared table so that equal strings, hashes and numbers share one object
 * ({@code StringUtils.cache}, {@code Value.cache}): 0.8 % of the H2 gateway's CPU samples at c=64 (audit22), for
 * memory it saves only while rows sit in H2's page cache (4 MB). Nothing is stored differently; PostgreSQL is not
 * involved.
 */
public final class H2ValueCache {

    static final String PROPERTY = "h2.objectCache";

    private H2ValueCache() {
    }

    /** Sets {@code h2.objectCache=false} when it is not set (a {@code -Dh2.objectCache=true} is kept). */
    public static void switchOff() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "false");
        }
    }
}
