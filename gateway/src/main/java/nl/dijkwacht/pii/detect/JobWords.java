package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nl.dijkwacht.words.Letters;
import nl.dijkwacht.words.WordList;

/**
 * Nouns that name a job or function ({@code medewerker}, {@code Senior adviseur}, {@code Teamleider},
 * {@code Leerplichtambtenaar}), known by their endings ({@code pii/names/job-title-endings.txt}). pii46: after
 * {@code Behandeld door:} stands a person or a function title; a value holding such a noun is the title.
 */
public final class JobWords {

    private static final List<String> ENDINGS = WordList.list("/pii/names/job-title-endings.txt");
    /** The last four letters of every ending: a word whose own last four are none of these is no job noun. */
    private static final Set<String> TAILS = ENDINGS.stream().map(e -> e.substring(e.length() - 4))
            .collect(Collectors.toUnmodifiableSet());

    private JobWords() {
    }

    /** Whether a word of {@code text[a, b)} ends in a job noun. */
    public static boolean holdsJobWord(String text, int a, int b) {
        int w = a;
        while (w < b) {
            int e = w;
            while (e < b && Letters.letter(text.charAt(e))) {
                e++;
            }
            if (e - w >= 5 && TAILS.contains(text.substring(e - 4, e).toLowerCase(Locale.ROOT))) {
                String word = text.substring(w, e).toLowerCase(Locale.ROOT);
                for (String ending : ENDINGS) {
                    if (word.endsWith(ending)) {
                        return true;
                    }
                }
            }
            // names49: the plural in -en ("Wmo-consulenten", "agenten"): the singular's ending before it
            if (e - w >= 7 && text.charAt(e - 2) == 'e' && text.charAt(e - 1) == 'n'
                    && TAILS.contains(text.substring(e - 6, e - 2).toLowerCase(Locale.ROOT))) {
                String singular = text.substring(w, e - 2).toLowerCase(Locale.ROOT);
                for (String ending : ENDINGS) {
                    if (singular.endsWith(ending)) {
                        return true;
                    }
                }
            }
            w = e + 1;
        }
        return false;
    }
}
