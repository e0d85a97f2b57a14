package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of birth: a date with birth context nearby ({@code geboren}, {@code geb.}, {@code geboortedatum}).
 * Other dates (meetings, decisions, deadlines) are left alone.
 */
public final class DateOfBirthRecognizer implements Recognizer {

    private static final String MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
            + "|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec";

    private static final Pattern DATE = Pattern.compile(
            "(?<![\\p{L}\\d])((?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)?\\d{2}"
                    + "|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
                    + "|(?:0?[1-9]|[12]\\d|3[01])(?:e)? (?i:" + MONTHS + ")\\.? (?:19|20)\\d{2})(?![\\p{L}\\d])");

    private static final ContextWords CONTEXT = new ContextWords(
            List.of("geboren", "geb.", "geb ", "geboortedatum", "geboorte datum", "geb.datum", "geboortedag",
                    "date of birth", "born", "dob", "geboren op", "*"),
            List.of(), 40, 0);

    private static final ContextWords AFTER = new ContextWords(
            List.of("(geboortedatum)", "(geb.)", "geboortedatum", "geboren"), List.of(), 0, 20);

    @Override
    public String name() {
        return "date-of-birth";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        String lower = null;
        for (java.util.regex.MatchResult m : CandidateScan.matches(DATE, text, CandidateScan.digitRunStart(text))) {
            if (lower == null) {
                lower = text.toLowerCase(Locale.ROOT);
            }
            int s = m.start(1);
            int e = m.end(1);
            if (CONTEXT.signal(lower, s, e) == ContextWords.Signal.POSITIVE || AFTER.anyPositive(lower, s, e)) {
                found.add(new Finding(EntityType.DATE_OF_BIRTH, s, e, 0.9, name()));
            }
        }
        return found;
    }
}
