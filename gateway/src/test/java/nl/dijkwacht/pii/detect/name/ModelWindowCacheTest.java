package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.dijkwacht.pii.SaltedDigest;
import nl.dijkwacht.pii.evalforms.FormsEvalSet;
import org.junit.jupiter.api.Test;

/**
 * The name finder keeps what the model decoded per window. That is only the same as decoding again while the model's
 * features look at the window's words alone: no adaptive feature generator (previous-map, document-begin) in the
 * shipped model. A cached answer must equal a fresh decode, also for a text seen earlier in another request.
 */
class ModelWindowCacheTest {

    /** OpenNLP's feature generators whose features depend only on the words of the sequence decoded. */
    private static final Set<String> WINDOW_ONLY = Set.of("WindowFeatureGeneratorFactory", "TokenClassFeatureGeneratorFactory",
            "TokenFeatureGeneratorFactory", "DefinitionFeatureGeneratorFactory", "BigramNameFeatureGeneratorFactory",
            "PrefixFeatureGeneratorFactory", "SuffixFeatureGeneratorFactory", "SentenceFeatureGeneratorFactory");

    @Test
    void theShippedModelHasNoAdaptiveFeatures() throws IOException {
        String descriptor = null;
        try (InputStream in = OpenNlpNameFinder.class.getResourceAsStream(OpenNlpNameFinder.MODEL_RESOURCE);
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("generator.featuregen")) {
                    descriptor = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(descriptor).as("generator.featuregen in the model").isNotNull();
        Matcher generator = Pattern.compile("class=\"opennlp\\.tools\\.util\\.featuregen\\.(\\w+)\"").matcher(descriptor);
        int found = 0;
        while (generator.find()) {
            assertThat(WINDOW_ONLY).as("feature generator of the name model").contains(generator.group(1));
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(WINDOW_ONLY.size());
        assertThat(descriptor).doesNotContainIgnoringCase("previousmap").doesNotContainIgnoringCase("documentbegin");
    }

    @Test
    void aWindowSeenBeforeGivesWhatAFreshDecodeGives() throws IOException {
        PersonNameRecognizer warm = PersonNameRecognizer.withModel();
        List<FormsEvalSet.Doc> docs = FormsEvalSet.load("dev");
        assertThat(docs).hasSizeGreaterThan(50);
        for (FormsEvalSet.Doc d : docs) {
            warm.find(d.text()); // every window decoded once and kept
        }
        PersonNameRecognizer fresh = PersonNameRecognizer.withModel();
        int names = 0;
        for (FormsEvalSet.Doc d : docs) {
            var kept = warm.find(d.text());
            assertThat(kept).as("doc %s", d.id()).isEqualTo(fresh.find(d.text()));
            names += kept.size();
        }
        assertThat(names).isGreaterThan(100);
    }

    @Test
    void keysTellWordBoundariesApartAndDependOnTheSalt() {
        var salt = SaltedDigest.newSha256();
        assertThat(WindowKey.of(salt, new String[] {"Jan", "Jansen"})).isEqualTo(WindowKey.of(salt, new String[] {"Jan", "Jansen"}));
        assertThat(WindowKey.of(salt, new String[] {"ab", "c"})).isNotEqualTo(WindowKey.of(salt, new String[] {"a", "bc"}));
        assertThat(WindowKey.of(salt, new String[] {"Jan"})).isNotEqualTo(WindowKey.of(SaltedDigest.newSha256(), new String[] {"Jan"}));
    }

    @Test
    void aWindowInAnotherWindowsSlotIsNotTakenForIt() {
        DecodedWindows windows = new DecodedWindows(4);
        WindowKey first = new WindowKey(1, 2, 3, 4);
        WindowKey sameSlot = new WindowKey(5, 2, 3, 4); // 1 and 5 share a slot of four
        opennlp.tools.util.Span[] spans = {new opennlp.tools.util.Span(0, 2, "person", 0.9)};
        windows.put(first, spans);
        assertThat(windows.get(first)).isSameAs(spans);
        assertThat(windows.get(sameSlot)).isNull();
        windows.put(sameSlot, new opennlp.tools.util.Span[0]);
        assertThat(windows.get(first)).as("replaced, so decoded again").isNull();
        assertThat(windows.get(sameSlot)).isEmpty();
    }
}
