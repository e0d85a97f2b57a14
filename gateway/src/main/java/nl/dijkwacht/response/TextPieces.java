package nl.dijkwacht.response;

import java.util.function.Consumer;

/** The pieces of text one step gives, in order; a single piece (the usual) stays that string, more are joined. */
final class TextPieces implements Consumer<String> {

    private String first;
    private StringBuilder joined;

    void clear() {
        first = null;
        joined = null;
    }

    @Override
    public void accept(String piece) {
        if (first == null) {
            first = piece;
        } else {
            if (joined == null) {
                joined = new StringBuilder(first);
            }
            joined.append(piece);
        }
    }

    String text() {
        return joined != null ? joined.toString() : first == null ? "" : first;
    }
}
