package nl.dijkwacht.pii;

import java.util.List;
import nl.dijkwacht.pii.detect.Finding;

/**
 * The engine's findings for texts a chat tool sends again and again: the system prompt (the same on every request of a
 * tool) and the earlier turns of a conversation (a tool resends the whole conversation on every turn, so turn n would
 * otherwise have every earlier message analysed once more — n times in all). The engine is deterministic, so a text's
 * findings are the same whenever it is analysed; only the work is saved.
 *
 * <p>The findings are kept in a {@link SaltedTextTable} (keyed by a salted SHA-256, no text kept); the findings
 * themselves hold offsets, types and the names of recognizers, patterns and list words, never text of the prompt.
 * Callers ask it only for texts that are repeats by nature: the message being sent for the first time and the model's
 * answers go to the engine directly, so new text costs no key and does not push repeats out.
 */
public final class RepeatedTexts {

    /** Slots unless told otherwise (the gateway's {@code dijkwacht.pii.repeated-text-cache}; 0: every text analysed). */
    public static final int DEFAULT_SIZE = 4_096;

    private final PiiEngine engine;
    private final SaltedTextTable<List<Finding>> table;

    public RepeatedTexts(PiiEngine engine) {
        this(engine, DEFAULT_SIZE);
    }

    /** @param size slots, rounded up to a power of two; 0: no cache */
    public RepeatedTexts(PiiEngine engine, int size) {
        this.engine = engine;
        this.table = new SaltedTextTable<>(size);
    }

    /** The engine's findings for {@code text} (see {@link PiiEngine#detect}), from the table when it was seen before. */
    public List<Finding> detect(String text) {
        return table.get(text, t -> List.copyOf(engine.detect(t)));
    }
}
