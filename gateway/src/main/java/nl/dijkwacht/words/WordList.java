package nl.dijkwacht.words;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Word lists and gazetteers kept as resource files (the PII engine's under {@code /pii/}, the purpose guard's under
 * {@code /purpose/words/}), one entry a line: {@code #} starts a comment line, a word in double quotes is taken
 * literally (spaces included), {@code [section]} lines divide a file into named lists. Entries are lower-cased. A
 * missing or empty list is a {@link WordListException}: whatever reads it fails at start-up rather than run without it.
 */
public final class WordList {

    private WordList() {
    }

    /** The entries of a file without sections, in file order. */
    public static List<String> list(String resource) {
        Map<String, List<String>> sections = sections(resource);
        List<String> all = new ArrayList<>();
        sections.values().forEach(all::addAll);
        if (all.isEmpty()) {
            throw new WordListException("resource empty: " + resource);
        }
        return List.copyOf(all);
    }

    public static Set<String> set(String resource) {
        return WordSet.of(list(resource));
    }

    /** Every entry of several files, as one set. */
    public static Set<String> union(String... resources) {
        Set<String> all = new HashSet<>();
        for (String resource : resources) {
            all.addAll(list(resource));
        }
        return WordSet.of(all);
    }

    /** Named lists of a file with {@code [section]} lines; entries before the first section are under "". */
    public static Map<String, List<String>> sections(String resource) {
        try (InputStream in = WordList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new WordListException("resource missing: " + resource);
            }
            Map<String, List<String>> out = new LinkedHashMap<>();
            String section = "";
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (t.startsWith("[") && t.endsWith("]")) {
                    section = t.substring(1, t.length() - 1);
                    out.computeIfAbsent(section, k -> new ArrayList<>());
                    continue;
                }
                if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                    t = t.substring(1, t.length() - 1);
                }
                out.computeIfAbsent(section, k -> new ArrayList<>()).add(t.toLowerCase(Locale.ROOT));
            }
            out.replaceAll((k, v) -> List.copyOf(v));
            return out;
        } catch (IOException e) {
            throw new WordListException("cannot read " + resource, e);
        }
    }
}
