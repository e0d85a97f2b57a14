package nl.dijkwacht.pii.detect.name;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * names49: an e-mail's subject opens with its topic ({@code Onderwerp: Felicitatie 100 jaar},
 * {@code Subject: Registration appointment}, {@code Onderwerp: Nieuwe tijd voorgesteld}), and the model took that
 * capitalised first word for a name. A one-word span only the model found is dropped when it is the subject's first
 * word (after {@code RE:}/{@code FW:}) and no known given name or surname; a name later in the subject
 * ({@code Onderwerp: factuur boomverzorging Kaleo Kahale}) or of two words stays.
 */
final class SubjectLineFilter {

    /** A subject line's label and reply or forward marks, all that stands before the subject's first word. */
    private static final Pattern SUBJECT = Pattern.compile(
            "[ \\t>]*(?:Onderwerp|Subject)[ \\t]*:[ \\t]*(?:(?:RE|Re|FW|Fw|Fwd|AW|Aw|Antw|WG)[ \\t]*:[ \\t]*)*");

    /** The longest label that can stand before the first word: "Onderwerp: RE: FW: AW: ". */
    private static final int MAX_LABEL = 40;

    private SubjectLineFilter() {
    }

    /** Whether the model's span, vetted to [start, end), is the first word of a subject and no known name. */
    static boolean subjectTopic(String text, LineStarts lines, int start, int end, NameGazetteer gazetteer) {
        int lineStart = lines.lineStart(start);
        if (start - lineStart > MAX_LABEL || !SUBJECT.matcher(text).region(lineStart, start).matches()) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!Character.isLetter(text.charAt(i))) {
                return false; // not one word
            }
        }
        String word = text.substring(start, end).toLowerCase(Locale.ROOT);
        return !gazetteer.isFirstName(word) && !gazetteer.isSurname(word);
    }
}
