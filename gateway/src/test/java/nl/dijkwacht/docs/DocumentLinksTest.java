package nl.dijkwacht.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every link between the repository's own documents still leads somewhere: the file exists and, with a {@code #part},
 * the target document has that heading. Sections move (docs/benchmarks.md's dated sections went to
 * docs/history/benchmark-sessions.md), and code comments cite the benchmark pages by heading name
 * ({@code docs/benchmarks.md, "Session 23 — first minute"}): those names must still be a heading (or a bold paragraph
 * title) of the page or of the history.
 */
class DocumentLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", ".mvn");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern CITATION = Pattern.compile(
            "(benchmarks|benchmark-sessions)\\.md[,:]?\\s*(?:section |under |history )?\"([^\"{};=]{1,200})\"");
    private static final Pattern CITING_FILES = Pattern.compile(".*\\.(md|java|ya?ml|sql|py|sh|xml|properties)|Dockerfile");

    @Test
    void everyLinkBetweenTheRepositorysDocumentsResolves() throws IOException {
        assertThat(ROOT.resolve("README.md")).as("the tests run in gateway/").exists();
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path document : files(name -> name.endsWith(".md"))) {
            List<String> lines = Files.readAllLines(document);
            boolean[] inCode = MarkdownHeadings.fencedLines(lines);
            for (int i = 0; i < lines.size(); i++) {
                if (inCode[i]) {
                    continue;
                }
                Matcher link = LINK.matcher(lines.get(i).replaceAll("`[^`]*`", ""));
                while (link.find()) {
                    links++;
                    String problem = problem(document, link.group(1));
                    if (problem != null) {
                        broken.add(ROOT.relativize(document) + ":" + (i + 1) + ": " + link.group(1) + " — " + problem);
                    }
                }
            }
        }
        assertThat(links).as("links found (the scan reads the documents)").isGreaterThan(300);
        assertThat(broken).as("links to a missing file or heading").isEmpty();
    }

    @Test
    void everyHeadingTheCodeAndDocumentsCiteOnTheBenchmarkPagesExists() throws IOException {
        List<String> page = MarkdownHeadings.titles(ROOT.resolve("docs/benchmarks.md"));
        List<String> history = MarkdownHeadings.titles(ROOT.resolve("docs/history/benchmark-sessions.md"));
        List<String> unresolved = new ArrayList<>();
        int citations = 0;
        for (Path file : files(name -> CITING_FILES.matcher(name).matches())) {
            // a name cut by a line break (and a comment's leading "*" or "#") reads as one line
            String text = Files.readString(file).replaceAll("\\s*\\R\\s*(?:\\*|#|//|--)?\\s*", " ");
            Matcher citation = CITATION.matcher(text);
            while (citation.find()) {
                citations++;
                String name = citation.group(2).replaceAll("[\\s.…]+$", "");
                List<String> candidates = new ArrayList<>(history);
                if (citation.group(1).equals("benchmarks")) {
                    candidates.addAll(page); // the page's dated sections moved to the history under the same headings
                }
                if (candidates.stream().noneMatch(title -> title.startsWith(name))) {
                    unresolved.add(ROOT.relativize(file) + ": " + citation.group(0));
                }
            }
        }
        assertThat(citations).as("citations found").isGreaterThan(30);
        assertThat(unresolved).as("cited headings that neither benchmark page has").isEmpty();
    }

    private static String problem(Path document, String target) throws IOException {
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return null; // https:, mailto: — not this repository's
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path file = path.isEmpty() ? document : document.getParent().resolve(path.replace("%20", " ")).normalize();
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (hash < 0 || !file.toString().endsWith(".md")) {
            return null;
        }
        String anchor = target.substring(hash + 1);
        return MarkdownHeadings.anchors(file).contains(anchor) ? null : "no such heading in " + ROOT.relativize(file);
    }

    private static List<Path> files(Predicate<String> name) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                return SKIPPED_DIRECTORIES.contains(directory.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (name.test(file.getFileName().toString())) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }
}
