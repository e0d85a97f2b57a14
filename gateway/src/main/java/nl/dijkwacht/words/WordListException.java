package nl.dijkwacht.words;

/**
 * A word list that is missing, empty or unreadable. Thrown while a list is loaded, at class initialisation or start-up
 * of whatever uses it, so that the engine or guard fails then rather than run without the list.
 */
public final class WordListException extends IllegalStateException {

    public WordListException(String message) {
        super(message);
    }

    public WordListException(String message, Throwable cause) {
        super(message, cause);
    }
}
