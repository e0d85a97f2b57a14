package nl.dijkwacht.pii.detect.name;

import java.util.Set;
import nl.dijkwacht.words.WordList;

/** The word lists of the name rules, kept as resource files in {@code /pii/names/} (one lower-case entry a line). */
final class NameWords {

    private NameWords() {
    }

    /** Tussenvoegsels and other name particles. */
    static final Set<String> PARTICLES = WordList.set("/pii/names/particles.txt");

    /** Particles that start a surname on their own ("de Vries", "van Dijk"); "in", "op", "te" need "van"/"de" first. */
    static final Set<String> LEADING_PARTICLES = WordList.set("/pii/names/leading-particles.txt");

    /** Titles and forms of address; the name follows. Lower case, without the dot. */
    static final Set<String> TITLES = WordList.set("/pii/names/titles.txt");

    /** Titles strong enough that a lower-case word after them is taken as a name ("mevrouw jansen"). */
    static final Set<String> STRONG_TITLES = WordList.set("/pii/names/strong-titles.txt");

    /** Capitalised words that are never (part of) a person's name in these texts. */
    static final Set<String> NOT_NAMES = WordList.set("/pii/names/not-names.txt");

    /** Known names that are also ordinary words; they need a second name part or a title. */
    static final Set<String> AMBIGUOUS = WordList.set("/pii/names/ambiguous.txt");

    /** Known names that at a sentence start are usually a word ("Wil u …"). */
    static final Set<String> SENTENCE_START_WORDS = WordList.set("/pii/names/sentence-start-words.txt");

    /** Lower-case words that happen to be names but in chat text are mostly ordinary words. */
    static final Set<String> LOWERCASE_WORDS = WordList.set("/pii/names/lowercase-words.txt");

    /** Words that typically follow a name in "meneer X belde …" (verbs, function words). */
    static final Set<String> FOLLOWS_A_NAME = WordList.set("/pii/names/follows-a-name.txt");

    /** Lower-case words after a title that are not a surname ("meneer belt", "mevrouw zelf"). */
    static final Set<String> COMMON_LOWER = WordList.set("/pii/names/common-lower.txt");

    /** Prepositions before a place: "op de Dam" is not the person De Dam. */
    static final Set<String> PLACE_PREPOSITIONS = WordList.set("/pii/names/place-prepositions.txt");
}
