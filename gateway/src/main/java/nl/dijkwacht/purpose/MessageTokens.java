package nl.dijkwacht.purpose;

/**
 * One message's part of the purpose classifier's input, as numbers only — no word, no string taken from the text: the
 * classifier's numbers of its word tokens in order ({@link IndexedCategorizer#number}, −1 for a token the model does not
 * know), the numbers of the pair features of neighbouring tokens inside it ({@link IndexedCategorizer#pair}), its shape
 * and cue bits ({@link PurposeTokens#scan}, {@link PurposeCues}), what it holds at its ends for a decision taken written
 * over a line break ({@link DecisionAcrossBreaks#edges}), the carry it was read after and leaves, and whether it holds a
 * word of a cue that lowers a verdict ({@link ClearingCues}, guard50).
 *
 * <p>The guard joins the messages by line breaks, and a line break ends the sentence, the run of names, the initial and
 * the quote, so the joined text's word tokens are the messages' word tokens in order and its shape an OR over the
 * messages' — except that the previous word carries over the break ("mevrouw" ending one message and a capital opening
 * the next make {@code __titelnaam}; a message opening with a lower-case particle keeps the word before it). That is
 * {@link #carry}: a message is read after no word, after a word, or after a form of address
 * ({@link PurposeTokens#NO_WORD_BEFORE}, {@link PurposeTokens#WORD_BEFORE}, {@link PurposeTokens#TITLE_BEFORE}); a part
 * read after another carry is read again. The special-category cue is an OR too (its phrases are written with spaces);
 * a decision taken is, except where its whitespace runs over the break ({@link DecisionAcrossBreaks}).
 *
 * <p>Only the numbers of the words the model knows are kept, in order, for the length of a slot's life in the table of
 * {@link MessageReadings} — never the words themselves; with the model at hand those numbers name the model's own
 * vocabulary words of the message. Treat the arrays as immutable.
 */
record MessageTokens(int[] numbers, int[] pairs, int shape, int edges, int carry, int carryAfter, boolean clearingCue) {

    /** Reads one message after {@code carry}. */
    static MessageTokens read(String text, String folded, int carry, IndexedCategorizer model) {
        return read(text, folded, PurposeTokens.isAscii(text), carry, model);
    }

    /** {@link #read(String, String, int, IndexedCategorizer)}; {@code ascii}: {@code PurposeTokens.isAscii(text)}. */
    static MessageTokens read(String text, String folded, boolean ascii, int carry, IndexedCategorizer model) {
        Numbers numbers = new Numbers(model, text.length());
        // the cues from the scan's words where they are the same words (no second walk over the message)
        PurposeCues.Words cueWords = PurposeTokens.cueWordsFit(text, folded, ascii) ? new PurposeCues.Words() : null;
        int scanned = PurposeTokens.scan(text, folded, ascii, carry, numbers, cueWords);
        PurposeCues cues = cueWords != null ? cueWords.cues(folded) : PurposeCues.of(folded);
        int[] words = numbers.toArray();
        return new MessageTokens(words, model.pairs(words), PurposeTokens.withCues(PurposeTokens.shape(scanned), cues.specialWord, cues.decisionTaken),
                DecisionAcrossBreaks.edges(folded), carry, PurposeTokens.carryAfter(scanned), cues.clearingWord);
    }

    /**
     * The classifier's input for the messages joined by line breaks, each read after what the messages before it leave:
     * the same token numbers, pair numbers and markers as {@link PurposeTokens#of(String, String, boolean)} on the joined
     * text gives, numbered.
     */
    static Joined join(MessageTokens[] messages, boolean specialTerm, IndexedCategorizer model) {
        int shape = 0;
        int words = 0;
        int open = DecisionAcrossBreaks.NOTHING_OPEN;
        for (MessageTokens m : messages) {
            shape |= m.shape();
            words += m.numbers().length;
            if (DecisionAcrossBreaks.completes(open, m.edges())) {
                shape |= PurposeTokens.DECISION_TAKEN_CUE;
            }
            open = DecisionAcrossBreaks.after(open, m.edges());
        }
        String[] markers = PurposeTokens.markers(shape, specialTerm);
        int[] numbers = new int[words + markers.length];
        int[] pairs = new int[Math.max(0, numbers.length - 1)];
        int at = 0;
        for (MessageTokens m : messages) {
            int n = m.numbers().length;
            if (n == 0) {
                continue;
            }
            if (at > 0) {
                // the pair over the line break
                pairs[at - 1] = model.pair(numbers[at - 1], m.numbers()[0]);
            }
            System.arraycopy(m.numbers(), 0, numbers, at, n);
            System.arraycopy(m.pairs(), 0, pairs, at, n - 1);
            at += n;
        }
        for (String marker : markers) {
            int number = model.number(marker);
            if (at > 0) {
                pairs[at - 1] = model.pair(numbers[at - 1], number);
            }
            numbers[at++] = number;
        }
        return new Joined(numbers, pairs, markers);
    }

    /**
     * A request's classifier input: token numbers, pair numbers ({@link IndexedCategorizer#categorize(int[], int[])}) and
     * the marker tokens (constants such as {@code __titelnaam}, never text) that the guard's later steps read.
     */
    record Joined(int[] numbers, int[] pairs, String[] markers) {
    }

    /** Collects a scan's tokens as the model's numbers. */
    private static final class Numbers implements PurposeTokens.WordSink {

        private final IndexedCategorizer model;
        private int[] numbers;
        private int size;

        /** @param characters the message's length: prose gives about one token per five characters (and grows if not) */
        Numbers(IndexedCategorizer model, int characters) {
            this.model = model;
            this.numbers = new int[characters / 4 + 16];
        }

        @Override
        public void add(String token) {
            grow();
            numbers[size++] = model.number(token);
        }

        @Override
        public void addPrefix(String word) {
            grow();
            numbers[size++] = model.prefixNumber(word);
        }

        @Override
        public void add(String folded, int from, int to, int hash) {
            grow();
            numbers[size++] = model.number(hash, folded, from, to);
        }

        @Override
        public void addPrefix(String folded, int from) {
            grow();
            numbers[size++] = model.prefixNumber(folded, from);
        }

        private void grow() {
            if (size == numbers.length) {
                numbers = java.util.Arrays.copyOf(numbers, size * 2);
            }
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(numbers, size);
        }
    }
}
