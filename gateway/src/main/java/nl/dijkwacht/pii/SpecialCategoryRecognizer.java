package nl.dijkwacht.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terms that reveal special categories of personal data (GDPR art. 9: health, care under the Wmo and the
 * Jeugdwet, religion, ethnicity, politics, sex life, biometrics) and criminal data (art. 10), so a policy
 * can block the request or route it to an on-premise model. The term list is {@code pii/special-categories.txt}.
 */
public final class SpecialCategoryRecognizer implements Recognizer {

    static final String RESOURCE = "/pii/special-categories.txt";

    private final Pattern terms;

    public SpecialCategoryRecognizer() {
        this.terms = compile(load());
    }

    SpecialCategoryRecognizer(List<String> fragments) {
        this.terms = compile(fragments);
    }

    private static Pattern compile(List<String> fragments) {
        if (fragments.isEmpty()) {
            throw new PiiEngineException("special-category term list is empty");
        }
        return Pattern.compile("(?iu)(?<![\\p{L}\\d-])(?:" + String.join("|", fragments) + ")(?![\\p{L}\\d])");
    }

    static List<String> load() {
        try (InputStream in = SpecialCategoryRecognizer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new PiiEngineException("resource missing: " + RESOURCE);
            }
            List<String> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add("(?:" + t + ")");
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public String name() {
        return "special-category";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher m = terms.matcher(text);
        while (m.find()) {
            found.add(new Finding(EntityType.SPECIAL_CATEGORY, m.start(), m.end(), 0.8, name()));
        }
        return found;
    }
}
