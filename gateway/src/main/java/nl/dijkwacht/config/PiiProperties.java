package nl.dijkwacht.config;

import nl.dijkwacht.pii.RepeatedTexts;
import nl.dijkwacht.pii.detect.name.PersonNameRecognizer;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dijkwacht.pii.*}: the PII engine's two tables of what it worked out before (salted hashes and findings, no
 * text). Both are for measuring: off, every text costs what a text never seen costs. As JVM options
 * ({@code -Ddijkwacht.pii.name-window-cache=0}) they are read by Spring like any setting.
 *
 * @param repeatedTextCache slots for the findings of texts a chat tool sends again (system prompt, earlier turns;
 *                          {@link RepeatedTexts}); 0: every text analysed (default 4096); read through {@link #repeatedTextSlots()}
 * @param nameWindowCache   slots for what the name model decoded per window of words; 0: every window decoded
 *                          (default 16384); read through {@link #nameWindowSlots()}
 */
@ConfigurationProperties("dijkwacht.pii")
public record PiiProperties(Integer repeatedTextCache, Integer nameWindowCache) {

    /** More slots than any measurement here needed (64 times the larger default); beyond it a typo costs memory. */
    static final int MAX_SLOTS = 1 << 20;

    /** The findings table's slots; a value out of range stops the start ({@link InvalidSettingException}). */
    public int repeatedTextSlots() {
        return slots("dijkwacht.pii.repeated-text-cache", repeatedTextCache, RepeatedTexts.DEFAULT_SIZE);
    }

    /** The name model's window-cache slots; a value out of range stops the start ({@link InvalidSettingException}). */
    public int nameWindowSlots() {
        return slots("dijkwacht.pii.name-window-cache", nameWindowCache, PersonNameRecognizer.DEFAULT_WINDOW_CACHE);
    }

    private static int slots(String setting, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 0 || value > MAX_SLOTS) {
            throw new InvalidSettingException(setting, "the number of slots must be between 0 (off) and " + MAX_SLOTS + ".",
                    "Leave it out for the default, or set 0 to measure without the table.");
        }
        return value;
    }
}
