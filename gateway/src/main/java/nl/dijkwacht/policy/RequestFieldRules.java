package nl.dijkwacht.policy;

import java.util.List;
import java.util.Locale;

/**
 * A use-case's rules for the request fields beyond message text (docs/policy-reference.md, "Request fields"):
 * whether images, audio and files may be sent, and which OpenAI {@code metadata} keys are forwarded to the model.
 *
 * @param forwardMetadata metadata keys passed on to the model (their values are scanned like text); all others are dropped
 */
public record RequestFieldRules(Attachments attachments, List<String> forwardMetadata) {

    /** {@code attachments:} in a use-case file. */
    public enum Attachments {
        /** Requests with an image, audio clip or file are refused (the default). */
        REFUSE("refuse"),
        /** Allowed, but only to a model that runs on-premises; the request counts as holding personal data. */
        ON_PREMISES_ONLY("on-premises-only"),
        /** Allowed; the request counts as holding personal data, so it goes only to a model that may receive that. */
        ALLOW("allow");

        private final String yamlName;

        Attachments(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }

        static Attachments fromYaml(String value) {
            return value == null ? REFUSE : valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public RequestFieldRules {
        attachments = attachments == null ? Attachments.REFUSE : attachments;
        forwardMetadata = forwardMetadata == null ? List.of() : List.copyOf(forwardMetadata);
    }

    public static RequestFieldRules defaults() {
        return new RequestFieldRules(Attachments.REFUSE, List.of());
    }
}
