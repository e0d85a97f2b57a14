package nl.dijkwacht.config;

/**
 * A setting that cannot work, found at start-up. The message is one sentence for the operator that names the setting
 * (as property and as environment variable) and never quotes its value: a secret could be in it.
 * {@link InvalidSettingFailureAnalyzer} prints it instead of a stack trace.
 */
public final class InvalidSettingException extends RuntimeException {

    private final String setting;
    private final String action;

    public InvalidSettingException(String setting, String problem, String action) {
        super(setting + " (" + environmentName(setting) + "): " + problem);
        this.setting = setting;
        this.action = action;
    }

    public String setting() {
        return setting;
    }

    /** What the operator should do about it. */
    public String action() {
        return action;
    }

    /**
     * {@code dijkwacht.limits.redis-url} → {@code DIJKWACHT_LIMITS_REDIS_URL}, the form the guides use (Spring Boot binds
     * it); a list index as Spring Boot reads it from the environment: {@code issuers[1].tenant} → {@code ISSUERS_1_TENANT}.
     */
    static String environmentName(String setting) {
        return setting.replace("]", "").replace('[', '_').replace('-', '_').replace('.', '_').toUpperCase(java.util.Locale.ROOT);
    }
}
