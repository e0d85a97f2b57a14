package nl.dijkwacht.openai;

/** One piece of free text inside a request (a message, a text part, tool-call arguments) that policy may rewrite. */
public interface TextSlot {

    /** Where the text sits, e.g. {@code messages[2].content}; used in explanations, never with the text. */
    String path();

    String get();

    void set(String text);
}
