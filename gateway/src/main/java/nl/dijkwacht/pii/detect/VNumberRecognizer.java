package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** V-nummers (vreemdelingennummer of the IND): ten digits, also written 1234 567 890, next to the word. */
public final class VNumberRecognizer implements Recognizer {

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\d])(\\d{10}|\\d{4}[ .]\\d{3}[ .]\\d{3}|\\d{2}[ .]\\d{2}[ .]\\d{2}[ .]\\d{2}[ .]\\d{2})(?![\\p{L}\\d]|[.,]\\d)");
    private static final ContextWords CONTEXT = new ContextWords(
            List.of("v-nummer", "v nummer", "vnummer", "v-nr", "vreemdelingennummer", "ind-nummer", "ind nummer"),
            List.of("rijbewijs", "telefoon", "tel", "zaaknummer", "kenmerk"), 60, 25);

    @Override
    public String name() {
        return "v-number";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        if (!CONTEXT.mentionedAnywhere(lower)) {
            return found;
        }
        for (java.util.regex.MatchResult m : CandidateScan.matches(CANDIDATE, text, CandidateScan.digitRunStart(text))) {
            if (lower == null) {
                lower = text.toLowerCase(Locale.ROOT);
            }
            if (CONTEXT.signal(lower, m.start(1), m.end(1)) == ContextWords.Signal.POSITIVE) {
                found.add(new Finding(EntityType.V_NUMBER, m.start(1), m.end(1), 0.9, name()));
            }
        }
        return found;
    }
}
