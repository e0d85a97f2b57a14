package nl.dijkwacht.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A recognizer made of one compiled pattern and an optional checksum that a match must pass. */
public class PatternRecognizer implements Recognizer {

    private final String name;
    private final EntityType type;
    private final Pattern pattern;
    private final ChecksumValidator checksum;
    private final double score;

    public PatternRecognizer(String name, EntityType type, Pattern pattern, ChecksumValidator checksum, double score) {
        this.name = name;
        this.type = type;
        this.pattern = pattern;
        this.checksum = checksum;
        this.score = score;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int group = m.groupCount() >= 1 && m.group(1) != null ? 1 : 0;
            String candidate = m.group(group);
            if (checksum != null && checksum.validate(candidate) == ChecksumValidator.Validity.INVALID) {
                continue;
            }
            found.add(new Finding(type, m.start(group), m.end(group), score, name));
        }
        return found;
    }
}
