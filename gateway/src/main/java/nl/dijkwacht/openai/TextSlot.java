package nl.dijkwacht.openai;

/**
 * One piece of free text inside a request (a message, a text part, a tool description, a stop sequence, …) that policy
 * may rewrite.
 */
public interface TextSlot {

    /** Where the text sits, e.g. {@code messages[2].content}; used in explanations, never with the text. */
    String path();

    String get();

    void set(String text);

    /** How the field is governed: {@link FieldKind#TEXT}, {@link FieldKind#PARTICIPANT}, … */
    default FieldKind kind() {
        return FieldKind.TEXT;
    }
}
