package nl.dijkwacht.purpose;

/**
 * One message's part of the purpose classifier's tokens ({@link PurposeTokens#scan}): its word tokens in order and its
 * shape markers. The guard joins the messages by line breaks, and a line break ends the sentence, the run of names,
 * the initial and the quote, so the joined text's tokens are the messages' word tokens in order and its markers an OR
 * over the messages' — except that the previous word carries over the break ("mevrouw" ending one message and a capital
 * opening the next make {@code __titelnaam}; a message opening with a lower-case particle keeps the word before it).
 * That is {@link #carry}: a message is read after no word, after a word, or after a form of address, and
 * {@link #carryAfter} is what it leaves to the next one. The cues ({@link PurposeCues}, whose patterns may span the line
 * break) are read on the joined text, not here.
 */
record MessageTokens(String[] words, boolean question, boolean number, boolean titleName, boolean name, boolean properNoun,
        boolean pronoun, int carry, int carryAfter) {

    static final int NO_WORD_BEFORE = 0;
    static final int WORD_BEFORE = 1;
    /** The word before is a form of address ({@code person-titles}). */
    static final int TITLE_BEFORE = 2;
}
