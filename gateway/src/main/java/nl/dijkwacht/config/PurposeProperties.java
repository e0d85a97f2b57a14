package nl.dijkwacht.config;

import nl.dijkwacht.purpose.LayeredPurposeGuard;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dijkwacht.purpose.*}: two switches of the purpose guard's cost, for measuring; the judgements are the same
 * either way. As JVM options ({@code -Ddijkwacht.purpose.indexed-classifier=false}) or gateway arguments
 * ({@code --dijkwacht.purpose.repeated-message-cache=0}, as {@code docs/bench/ab-cpu.sh}'s {@code A_ARGS}) they are read
 * by Spring like any setting.
 *
 * @param indexedClassifier    the classifier evaluated by token numbers (default true); false: OpenNLP's categorizer
 *                             on the joined text's tokens, every message tokenised on every request
 * @param repeatedMessageCache slots of the table of earlier messages' readings (term list, rules, domains and the
 *                             classifier's token numbers; salted hashes, no text); 0: every message read on every
 *                             request (default 2048); read through {@link #repeatedMessageSlots()}
 */
@ConfigurationProperties("dijkwacht.purpose")
public record PurposeProperties(Boolean indexedClassifier, Integer repeatedMessageCache) {

    public boolean indexed() {
        return indexedClassifier == null || indexedClassifier;
    }

    /** The table's slots; a value out of range stops the start ({@link InvalidSettingException}). */
    public int repeatedMessageSlots() {
        if (repeatedMessageCache == null) {
            return LayeredPurposeGuard.DEFAULT_REPEATED_MESSAGES;
        }
        if (repeatedMessageCache < 0 || repeatedMessageCache > PiiProperties.MAX_SLOTS) {
            throw new InvalidSettingException("dijkwacht.purpose.repeated-message-cache",
                    "the number of slots must be between 0 (off) and " + PiiProperties.MAX_SLOTS + ".",
                    "Leave it out for the default, or set 0 to measure without the table.");
        }
        return repeatedMessageCache;
    }
}
