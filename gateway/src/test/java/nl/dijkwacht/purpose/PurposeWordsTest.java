package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every word list of the purpose guard loads, holds no duplicates and is written the way the code looks words up. */
class PurposeWordsTest {

    /** A folded word as the factor and cue walks see one: letters, digits and the hyphen of a compound. */
    private static final String WORD = "[a-z0-9]+(-[a-z0-9]+)*";

    @Test
    void everyFileLoadsWithoutDuplicatesInFoldedForm() throws IOException, URISyntaxException {
        List<String> names = fileNames();
        assertThat(names).hasSizeGreaterThanOrEqualTo(20).contains("special-words", "verdict-pairs", "label-groups", "domain-fraud");
        for (String name : names) {
            List<String> entries = name.equals("label-groups")
                    ? PurposeWords.groups(name).stream().flatMap(List::stream).toList()
                    : PurposeWords.list(name);
            assertThat(entries).as(name).isNotEmpty().doesNotHaveDuplicates();
            for (String entry : entries) {
                assertThat(entry).as("%s: %s", name, entry).isEqualTo(PurposeTokens.fold(entry)).isEqualTo(entry.strip());
                String shape = name.endsWith("-pairs") ? WORD + " " + WORD : name.startsWith("domain-") ? "[a-z0-9 -]+" : WORD;
                assertThat(entry).as("%s: %s", name, entry).matches(shape);
            }
        }
    }

    @Test
    void wordsOfTheCueWalkHaveNoHyphen() {
        // PurposeCues splits words at anything but [a-z0-9_]: an entry with a hyphen could never be met
        for (String name : List.of("special-words", "special-stems", "special-words-named-person", "health-compound-heads",
                "decision-participles")) {
            assertThat(PurposeWords.list(name)).as(name).allSatisfy(w -> assertThat(w).matches("[a-z0-9]+"));
        }
    }

    @Test
    void labelGroupsFitTheFourBitsPerGroupOfTheFactorCode() {
        List<List<String>> groups = PurposeWords.groups("label-groups");
        assertThat(groups).hasSizeBetween(2, 8).allSatisfy(g -> assertThat(g).hasSizeBetween(2, 4));
    }

    @Test
    void pairsAreLookedUpWithAnUnderscore() {
        Set<String> pairs = PurposeWords.pairs("verdict-pairs");
        assertThat(pairs).contains("ja_of", "wie_krijgt").hasSize(new HashSet<>(PurposeWords.list("verdict-pairs")).size());
    }

    private static List<String> fileNames() throws IOException, URISyntaxException {
        Path dir = Path.of(PurposeWords.class.getResource(PurposeWords.DIRECTORY).toURI());
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).sorted().forEach(f -> {
                assertThat(f).as("file name").endsWith(".txt");
                names.add(f.substring(0, f.length() - ".txt".length()));
            });
        }
        return names;
    }
}
