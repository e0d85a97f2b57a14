package nl.dijkwacht.pii;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites the recognizer table in docs/pii-evaluation.md from {@link RecognizerRegistry}; run through
 * {@code ./mvnw -q -B -pl gateway test -Dtest=RecognizerTableTest -Dpii.docs.regenerate=true}.
 * {@code RecognizerTableTest} fails while the doc differs.
 */
public final class RecognizerTableWriter {

    private RecognizerTableWriter() {
    }

    static Path doc() {
        Path fromModule = Path.of("../docs/pii-evaluation.md");
        return Files.exists(fromModule) ? fromModule : Path.of("docs/pii-evaluation.md");
    }

    static String generated() {
        return RecognizerRegistry.markdownTable(RecognizerRegistry.dutch(true));
    }

    /** The doc with its table section replaced by {@code table}. */
    static String withTable(String doc, String table) {
        int start = doc.indexOf(RecognizerRegistry.TABLE_START);
        int end = doc.indexOf(RecognizerRegistry.TABLE_END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("no recognizer-table markers in " + doc());
        }
        int after = end + RecognizerRegistry.TABLE_END.length();
        if (after < doc.length() && doc.charAt(after) == '\n') {
            after++;
        }
        return doc.substring(0, start) + table + doc.substring(after);
    }

    public static void main(String[] args) throws IOException {
        Path doc = doc();
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        Files.writeString(doc, withTable(text, generated()), StandardCharsets.UTF_8);
            }
}
