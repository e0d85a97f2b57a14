package nl.dijkwacht.pii.anonymize;

import java.util.function.Consumer;

/** Rewrites a text that arrives in pieces. Emits what is safe to emit as soon as it can. */
public interface StreamTransformer {

    void onChunk(String text, Consumer<String> sink);

    void onComplete(Consumer<String> sink);
}
