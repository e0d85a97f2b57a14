package nl.dijkwacht.policy;

import java.time.Instant;

/** A suspension made through the admin API (kill switch): what, by which operator, when and why. */
public record Suspension(Kind kind, String targetId, String suspendedBy, Instant suspendedAt, String reason) {

    /**
     * The longest reason, in characters: the console's field ({@code maxlength}) and the stored column (V20,
     * {@code VARCHAR(500)}); the admin API refuses a longer one.
     */
    public static final int MAX_REASON = 500;

    public enum Kind {
        MODEL("model"),
        USE_CASE("use-case");

        private final String storedName;

        Kind(String storedName) {
            this.storedName = storedName;
        }

        public String storedName() {
            return storedName;
        }

        public static Kind fromStored(String value) {
            for (Kind k : values()) {
                if (k.storedName.equals(value)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown suspension kind '" + value + "'");
        }
    }
}
