package nl.dijkwacht.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Markdown document's headings: the anchors GitHub gives them, and their titles as text. */
final class MarkdownHeadings {

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BOLD_TITLE = Pattern.compile("^\\*\\*([^*]+)");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern EXPLICIT_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Map<Path, Set<String>> ANCHORS = new HashMap<>();

    private MarkdownHeadings() {
    }

    /** Which lines are inside a fenced code block (a {@code # comment} there is not a heading, a link not a link). */
    static boolean[] fencedLines(List<String> lines) {
        boolean[] fenced = new boolean[lines.size()];
        String open = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (fence.find()) {
                fenced[i] = true;
                if (open == null) {
                    open = fence.group(1);
                } else if (fence.group(1).equals(open)) {
                    open = null;
                }
                continue;
            }
            fenced[i] = open != null;
        }
        return fenced;
    }

    static synchronized Set<String> anchors(Path document) throws IOException {
        Set<String> known = ANCHORS.get(document);
        if (known != null) {
            return known;
        }
        List<String> lines = Files.readAllLines(document);
        boolean[] fenced = fencedLines(lines);
        Map<String, Integer> seen = new HashMap<>();
        known = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (fenced[i]) {
                continue;
            }
            Matcher heading = HEADING.matcher(lines.get(i));
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int earlier = seen.merge(slug, 1, Integer::sum) - 1;
                known.add(earlier == 0 ? slug : slug + "-" + earlier);
            }
            Matcher explicit = EXPLICIT_ANCHOR.matcher(lines.get(i));
            while (explicit.find()) {
                known.add(explicit.group(1));
            }
        }
        ANCHORS.put(document, known);
        return known;
    }

    /** Headings and bold paragraph titles as plain text, without Markdown's marks. */
    static List<String> titles(Path document) throws IOException {
        List<String> lines = Files.readAllLines(document);
        boolean[] fenced = fencedLines(lines);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (fenced[i]) {
                continue;
            }
            Matcher heading = HEADING.matcher(lines.get(i));
            Matcher bold = BOLD_TITLE.matcher(lines.get(i));
            if (heading.matches()) {
                titles.add(heading.group(1).replaceAll("[`*]", "").strip());
            } else if (bold.find()) {
                titles.add(bold.group(1).replace("`", "").strip());
            }
        }
        return titles;
    }

    /** GitHub's anchor for a heading: the rendered text in lower case, punctuation dropped, spaces made hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&")
                .strip()
                .toLowerCase(java.util.Locale.ROOT);
        StringBuilder slug = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c) || isMark(c)) {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
