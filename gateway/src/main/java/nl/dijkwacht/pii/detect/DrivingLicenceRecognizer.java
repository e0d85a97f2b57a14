package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered fields of a European driving licence (directive 2006/126/EC) in a scan or copy: {@code 1.} surname,
 * {@code 2.} given names, {@code 3.} date (and place) of birth, {@code 5.} licence number. Only in a text that
 * speaks of a driving licence: elsewhere "1. … 2. …" is an ordinary list.
 */
public final class DrivingLicenceRecognizer implements Recognizer {

    private static final double SCORE = 0.9;
    private static final String[] CUES = {"rijbewijs", "driving licen", "driver's licen", "führerschein", "permis de conduire"};
    private static final Pattern FIELD = Pattern.compile("(?m)^[ \\t]*([1235])\\.[ \\t]*(\\S[^\\n]*?)[ \\t]*$");
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}'’ -]{0,60}");
    private static final Pattern DATE = Pattern.compile("(?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)?\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9]{6,13}");
    /** The ten digits of a Dutch licence number in groups, as a scan or a typist spaces them ("507 12 83 904"). */
    private static final Pattern GROUPED_NUMBER = Pattern.compile("\\d{2,4}(?: \\d{1,4}){1,4}");

    @Override
    public String name() {
        return "driving-licence";
    }

    @Override
    public List<Finding> find(String text) {
        return find(text, AnalysedText.lowerSameLength(text));
    }

    @Override
    public List<Finding> find(AnalysedText analysed) {
        // digits are where every field of interest sits; a text without any has no licence to read
        return analysed.digitRunStarts().length == 0 ? List.of() : find(analysed.text(), analysed.lower());
    }

    private List<Finding> find(String text, String lower) {
        boolean cue = false;
        for (String c : CUES) {
            if (lower.contains(c)) {
                cue = true;
                break;
            }
        }
        if (!cue) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            int s = m.start(2);
            String value = m.group(2);
            switch (m.group(1).charAt(0)) {
                case '1', '2' -> {
                    if (NAME.matcher(value).matches() && value.split(" ").length <= 5) {
                        out.add(new Finding(EntityType.PERSON, s, m.end(2), SCORE, name(),
                                "driving licence field " + m.group(1) + " (name)", "context +'rijbewijs'"));
                    }
                }
                case '3' -> {
                    Matcher d = DATE.matcher(value);
                    if (d.lookingAt()) {
                        out.add(new Finding(EntityType.DATE_OF_BIRTH, s, s + d.end(), SCORE, name(),
                                "driving licence field 3 (date of birth)", "context +'rijbewijs'"));
                    }
                }
                default -> {
                    if (NUMBER.matcher(value).matches()
                            || GROUPED_NUMBER.matcher(value).matches() && value.replace(" ", "").length() == 10) {
                        out.add(new Finding(EntityType.ID_DOCUMENT, s, m.end(2), SCORE, name(),
                                "driving licence field 5 (licence number)", "context +'rijbewijs'"));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public Description describe() {
        return new Description(EntityType.ID_DOCUMENT,
                "numbered fields of an EU driving licence: `1.` surname, `2.` given names (`PERSON`), `3.` date of"
                        + " birth (`GEBOORTEDATUM`), `5.` licence number",
                "only in a text that mentions a driving licence (`rijbewijs`, `driving licence`, `Führerschein`,"
                        + " `permis de conduire`); elsewhere numbered lines are an ordinary list.");
    }
}
