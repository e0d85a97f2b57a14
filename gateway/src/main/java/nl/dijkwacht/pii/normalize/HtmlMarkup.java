package nl.dijkwacht.pii.normalize;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/**
 * HTML tags read as a browser shows them (redteam49): an e-mail's HTML body as n8n and Power Automate's Outlook actions
 * pass it on splits a value into runs wherever formatting, a spelling mark or a line-wrap hint falls
 * ({@code 111<span lang=NL>222</span>333}, {@code jan.jansen<wbr>@example.nl}, {@code NL91 ABNA <b>0417 1643 00</b>}),
 * and the model reads the value whole. A tag of a phrasing element ({@code span}, {@code b}, {@code font}, {@code wbr},
 * Outlook's {@code o:p} …) is read as nothing, one of a block ({@code p}, {@code div}, {@code br}, {@code li} …) as a
 * line break and a table cell's as a tab, as a browser lays them out; an empty HTML comment and Outlook's conditional
 * comments ({@code <!--[if !supportLists]-->}, {@code <![endif]>}) as nothing; a comment with text in it as nothing too,
 * moved as written to the end of the text like a tag's attributes (redteam51).
 *
 * <p>A tag whose attributes are layout ({@code style}, {@code class}, {@code lang}, {@code width} …) and hold no
 * {@code @} and no run of five digits is read away. A tag with any other attribute ({@code href}, {@code title},
 * {@code alt}) or with such a value is read away too — {@code 111<a href=…>222</a>333} split the value until redteam50 —
 * and moved as written to the end of the text, after a line break, where what its attributes say is scanned as before
 * and a finding there maps back to the tag ({@link TextNormalizer.Edit#moved()}). A {@code <} that opens no known
 * element ({@code <Jan Jansen>}, {@code <jan@example.nl>}, {@code a < b}) is text.
 */
final class HtmlMarkup {

    private HtmlMarkup() {
    }

    /** A start or end tag: slash, element name (Outlook's {@code o:p} too), attributes, optional self-closing slash. */
    private static final Pattern TAG = Pattern.compile(
            "<(/?)([A-Za-z][A-Za-z0-9]{0,15}(?::[A-Za-z][A-Za-z0-9]{0,15})?)"
                    + "((?:\\s+[A-Za-z_:][-A-Za-z0-9_:.]{0,40}(?:\\s*=\\s*(?:\"[^\"<>]{0,500}\"|'[^'<>]{0,500}'|[^\\s\"'<>=`]{1,500}))?){0,20})"
                    + "\\s*/?>");
    /** One attribute of {@link #TAG}'s third group: name and value (quoted or not). */
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\\s*=\\s*(\"[^\"<>]*\"|'[^'<>]*'|[^\\s\"'<>=`]+))?");
    /** An empty comment, Outlook's conditional comments and its downlevel-revealed ones. */
    private static final Pattern COMMENT = Pattern.compile(
            "<!--(?:\\s{0,40}|\\[if [^\\]<>@]{1,80}\\]>?|<?!?\\[endif\\])-->|<!\\[(?:if [^\\]<>@]{1,80}|endif)\\]>");
    /**
     * Most code points a comment with text holds that is read away (redteam51: {@code 111<!-- x -->222333}; a browser
     * shows nothing of it, it is moved and scanned at the end): a remark, not a commented-out page.
     */
    private static final int MAX_COMMENT = 1000;
    /** Five digits in a row: a value, not a size or colour. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{5}");

    /** Read as nothing: phrasing content. */
    private static final Set<String> INLINE = Set.of("span", "b", "i", "u", "s", "em", "strong", "small", "big", "font",
            "sup", "sub", "mark", "code", "tt", "kbd", "samp", "var", "abbr", "cite", "q", "ins", "del", "strike", "wbr",
            "nobr", "bdi", "bdo", "a", "o:p", "label", "data", "time");
    /** Read as a line break: blocks and the line break itself. */
    private static final Set<String> BLOCK = Set.of("p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "h1",
            "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "caption", "blockquote", "pre",
            "section", "article", "header", "footer", "main", "nav", "aside", "address", "figure", "figcaption", "body",
            "html", "center");
    /** Read as a tab: a table cell. */
    private static final Set<String> CELL = Set.of("td", "th");
    /** Attributes that only lay text out. */
    private static final Set<String> LAYOUT = Set.of("style", "class", "lang", "xml:lang", "dir", "align", "valign",
            "width", "height", "border", "cellpadding", "cellspacing", "color", "face", "size", "bgcolor", "colspan",
            "rowspan", "nowrap", "span");

    /**
     * Replacements of every tag and comment read away in {@code s}, sorted and not overlapping, then the copies
     * {@link KeptApartEdits} adds; none when {@code s} has no {@code <}.
     */
    static List<Edit> edits(String s) {
        int open = s.indexOf('<');
        if (open < 0) {
            return List.of();
        }
        KeptApartEdits edits = new KeptApartEdits();
        Matcher tag = null;
        Matcher comment = null;
        int commentClose = 0; // the first "-->" from where it was last looked for; -1: none
        int n = s.length();
        for (; open >= 0 && open + 2 < n; open = s.indexOf('<', open + 1)) {
            char next = s.charAt(open + 1);
            int end = open;
            if (next == '!') {
                comment = comment == null ? COMMENT.matcher(s) : comment;
                if (comment.region(open, n).lookingAt()) {
                    end = comment.end();
                    edits.add(s, open, end, "");
                } else if (open + 3 < n && s.charAt(open + 2) == '-' && s.charAt(open + 3) == '-') {
                    // looked for once and kept, not from every "<!--": 200,000 unclosed ones took seconds to read
                    if (commentClose >= 0 && commentClose < open + 5) {
                        commentClose = s.indexOf("-->", open + 5);
                    }
                    if (commentClose >= 0 && commentWithText(s, open, commentClose)) {
                        end = commentClose + 3;
                        edits.add(s, open, end, "", true);
                    }
                }
            } else if (next == '/' || asciiLetter(next)) {
                tag = tag == null ? TAG.matcher(s) : tag;
                if (tag.region(open, n).lookingAt()) {
                    String element = tag.group(2).toLowerCase(Locale.ROOT);
                    String shown = shownAs(element);
                    if (shown != null) {
                        end = tag.end();
                        // joined as a browser shows it; where that changes a value, also read as written (KeptApartEdits)
                        edits.add(s, open, end, shown, !layoutOnly(tag.group(3)));
                    }
                }
            }
            if (end > open) {
                open = end - 1;
            }
        }
        return edits.list();
    }

    /** Whether a comment opened at {@code open} and closed at {@code close} holds at most {@value #MAX_COMMENT} code points. */
    private static boolean commentWithText(String s, int open, int close) {
        int inside = close - (open + 4);
        return inside <= MAX_COMMENT || inside <= 2 * MAX_COMMENT && s.codePointCount(open + 4, close) <= MAX_COMMENT;
    }

    /** What a browser shows for a tag of the element, or null to leave it as written. */
    private static String shownAs(String element) {
        return INLINE.contains(element) ? "" : BLOCK.contains(element) ? "\n" : CELL.contains(element) ? "\t" : null;
    }

    /** Whether the attributes only lay text out and hold nothing a scan must read (then they are dropped, not moved). */
    private static boolean layoutOnly(String attributes) {
        if (attributes.isBlank()) {
            return true;
        }
        Matcher attribute = ATTRIBUTE.matcher(attributes);
        while (attribute.find()) {
            String value = attribute.group(2);
            if (!LAYOUT.contains(attribute.group(1).toLowerCase(Locale.ROOT))
                    || value != null && (value.indexOf('@') >= 0 || DIGIT_RUN.matcher(value).find())) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
