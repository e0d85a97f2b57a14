package nl.dijkwacht.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The key of the start-up warm-up's own HTTP requests: random, held only in this process, and valid only while the
 * warm-up runs (before the gateway reports ready). A request with it is the {@link IdentitySource#WARM_UP} caller
 * the warm-up named — its tool and tenant, no staff member — so it takes the real path through the HTTP server,
 * the route filters and the handler, while the audit and the limits see it is not a real request.
 */
public final class WarmUpPass {

    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile byte[] key;
    private volatile Caller caller;

    /** Opens the pass for a tool of a tenant and returns its key; a previous key stops working. */
    public synchronized String open(String toolId, String tenant) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = "dw-warm-up-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        caller = new Caller(toolId, null, null, List.of(), tenant, null, IdentitySource.WARM_UP, null);
        key = value.getBytes(StandardCharsets.US_ASCII);
        return value;
    }

    /** From now on the key is refused like any unknown key. */
    public synchronized void close() {
        key = null;
        caller = null;
    }

    /** The warm-up caller when {@code bearer} is the open key, else {@code null} (compared in constant time). */
    Caller callerFor(String bearer) {
        byte[] open = key;
        Caller named = caller;
        if (open == null || named == null || bearer == null || bearer.length() != open.length) {
            return null;
        }
        return MessageDigest.isEqual(open, bearer.getBytes(StandardCharsets.US_ASCII)) ? named : null;
    }
}
