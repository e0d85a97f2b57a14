package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span a web-search citation supports ({@code url_citation.start_index}/{@code end_index}, counted in characters —
 * code points — of the message's text as the model wrote it), moved onto the text the tool gets. Restoring a placeholder
 * or redacting a value changes the text's length, so the model's offsets point at the wrong words afterwards
 * (answer46, review46). Where the text went is read from a diff of the two texts (java-diff-utils, word by word): a boundary in
 * unchanged text moves with it, a boundary inside a rewritten part widens to the whole replacement. A citation whose span
 * does not fit the model's text, or has no text left, is dropped and counted.
 */
final class CitationSpans {

    private static final Pattern WORDS = Pattern.compile("\\s+|\\S+");

    private CitationSpans() {
    }

    /**
     * Moves the spans of the {@code url_citation}s in {@code annotations} from {@code modelText} to {@code deliveredText}
     * (the same text rewritten; without the disclaimer, which only follows it). @return the citations dropped
     */
    static int move(JsonNode annotations, String modelText, String deliveredText) {
        if (!(annotations instanceof ArrayNode list) || list.isEmpty() || modelText.equals(deliveredText)) {
            return 0;
        }
        List<Change> changes = changes(modelText, deliveredText);
        int modelLength = modelText.codePointCount(0, modelText.length());
        int dropped = 0;
        for (int i = list.size() - 1; i >= 0; i--) {
            if (!(list.get(i).get("url_citation") instanceof ObjectNode citation)) {
                continue;
            }
            JsonNode start = citation.path("start_index");
            JsonNode end = citation.path("end_index");
            // an offset beyond int is out of range, not wrapped (review47: 4294967296 read as 0)
            if (!start.isIntegralNumber() || !end.isIntegralNumber() || !start.canConvertToInt() || !end.canConvertToInt()
                    || start.asInt() < 0 || end.asInt() < start.asInt()
                    || end.asInt() > modelLength) {
                list.remove(i);
                dropped++;
                continue;
            }
            int newStart = moved(modelText.offsetByCodePoints(0, start.asInt()), false, changes);
            int newEnd = moved(modelText.offsetByCodePoints(0, end.asInt()), true, changes);
            if (newEnd <= newStart && end.asInt() > start.asInt()) {
                list.remove(i);
                dropped++;
                continue;
            }
            citation.put("start_index", deliveredText.codePointCount(0, newStart));
            citation.put("end_index", deliveredText.codePointCount(0, newEnd));
        }
        return dropped;
    }

    /** One rewritten part: chars [from, to) of the model's text became [newFrom, newTo) of the delivered text. */
    private record Change(int from, int to, int newFrom, int newTo) {
    }

    /**
     * Where the texts differ. Diffed word by word (runs of spaces and of other characters), so that a letter or a dot a
     * redacted address happens to share with {@code [EMAIL]} is not taken for text that stayed; each changed run of words
     * then loses what its two sides begin and end with alike (the full stop after {@code j.bos@example.nl.}).
     */
    private static List<Change> changes(String modelText, String deliveredText) {
        List<String> before = words(modelText);
        List<String> after = words(deliveredText);
        int[] beforeAt = starts(before);
        int[] afterAt = starts(after);
        List<Change> changes = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            int from = beforeAt[delta.getSource().getPosition()];
            int to = beforeAt[delta.getSource().getPosition() + delta.getSource().size()];
            int newFrom = afterAt[delta.getTarget().getPosition()];
            int newTo = afterAt[delta.getTarget().getPosition() + delta.getTarget().size()];
            while (from < to && newFrom < newTo && modelText.charAt(from) == deliveredText.charAt(newFrom)) {
                from++;
                newFrom++;
            }
            while (from < to && newFrom < newTo && modelText.charAt(to - 1) == deliveredText.charAt(newTo - 1)) {
                to--;
                newTo--;
            }
            if (from < to || newFrom < newTo) {
                changes.add(new Change(from, to, newFrom, newTo));
            }
        }
        return changes;
    }

    /** A boundary (a char index) of the model's text in the delivered text; one inside a change takes all of it. */
    private static int moved(int index, boolean end, List<Change> changes) {
        int shift = 0;
        for (Change change : changes) {
            if (end ? index <= change.from : index < change.from) {
                break;
            }
            if (index < change.to) {
                return end ? change.newTo : change.newFrom;
            }
            shift += (change.newTo - change.newFrom) - (change.to - change.from);
        }
        return index + shift;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORDS.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Where each word starts, and the text's length after the last. */
    private static int[] starts(List<String> words) {
        int[] at = new int[words.size() + 1];
        for (int i = 0; i < words.size(); i++) {
            at[i + 1] = at[i] + words.get(i).length();
        }
        return at;
    }
}
