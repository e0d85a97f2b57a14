package nl.dijkwacht.pii.detect;

import java.util.List;
import nl.dijkwacht.pii.PiiEngine;

/** The rule tests' view of the default engine: the spans of one type it finds in a text, in order. */
final class DefaultEngineSpans {

    private DefaultEngineSpans() {
    }

    static List<String> found(String text, EntityType type) {
        return PiiEngine.dutchDefault().detect(text).stream().filter(f -> f.type() == type)
                .map(f -> text.substring(f.start(), f.end())).toList();
    }
}
