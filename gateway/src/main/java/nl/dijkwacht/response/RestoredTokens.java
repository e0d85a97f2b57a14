package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.anonymize.PlaceholderVault;

/**
 * The tokens of an answer a tool asked for ({@code logprobs: true}, allowed under {@code flag} only), made to spell the
 * text it gets (answer48; answer47 left them with the prompt's placeholders: {@code [}, {@code EMAIL}, {@code _},
 * {@code 1}, {@code ]} beside a text that reads {@code anna@example.nl}). The tokens that spell a placeholder the
 * request's vault knows become one token: its text the restored value (with what the first and last token had before
 * and after the placeholder), its log probability the sum of theirs (the probability of the model writing that
 * placeholder), its bytes the new text's UTF-8, no alternatives (the alternatives to a piece of a placeholder say nothing
 * about the value). A stream's tokens are held while their text could still end in the start of a placeholder, and
 * go out with a later chunk — at the latest with the choice's finishing chunk, or in an event of their own when the
 * stream ends without one ({@link #rest}).
 */
final class RestoredTokens {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z]{2,20}_\\d{1,6}]");
    private static final int MAX_PLACEHOLDER_LENGTH = 1 + 20 + 1 + 6 + 1;

    private final PlaceholderVault vault;
    private final List<JsonNode> held = new ArrayList<>();

    RestoredTokens(PlaceholderVault vault) {
        this.vault = vault;
    }

    /** A whole answer's tokens ({@code choice.logprobs.content}), rewritten in place. */
    static void restore(ObjectNode choice, PlaceholderVault vault) {
        if (choice.path("logprobs").get("content") instanceof ArrayNode tokens && !tokens.isEmpty()) {
            RestoredTokens all = new RestoredTokens(vault);
            all.held.addAll(copy(tokens));
            tokens.removeAll();
            tokens.addAll(all.merged(all.held.size()));
        }
    }

    /**
     * A stream chunk's choice: its tokens join those held, and what can go out replaces them ({@code finish}: all of them,
     * the choice ends here).
     */
    void next(ObjectNode choice, boolean finish) {
        JsonNode logprobs = choice.get("logprobs");
        if (logprobs instanceof ObjectNode lp && lp.get("content") instanceof ArrayNode tokens) {
            held.addAll(copy(tokens));
        }
        if (held.isEmpty()) {
            return;
        }
        int ready = finish ? held.size() : readyCount();
        if (ready == 0 && !(logprobs instanceof ObjectNode)) {
            return;
        }
        List<JsonNode> out = merged(ready);
        held.subList(0, ready).clear();
        ObjectNode lp = logprobs instanceof ObjectNode o ? o : choice.putObject("logprobs");
        lp.putArray("content").addAll(out);
    }

    /**
     * All that is still held, merged as the finishing chunk would have given it, for a stream that ends without one
     * (answer49: the tokens of a possible unfinished placeholder were lost there); nothing is held afterwards.
     */
    List<JsonNode> rest() {
        List<JsonNode> out = merged(held.size());
        held.clear();
        return out;
    }

    /** Whether {@code text} from {@code from} on could still be a placeholder's inside ([A-Z0-9_]*), without a regex per chunk. */
    private static boolean placeholderSoFar(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> copy(ArrayNode tokens) {
        List<JsonNode> list = new ArrayList<>(tokens.size());
        tokens.forEach(list::add);
        return list;
    }

    /** How many held tokens lie wholly before a possible unfinished placeholder at the end of their text. */
    private int readyCount() {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[held.size()];
        for (int i = 0; i < held.size(); i++) {
            starts[i] = text.length();
            text.append(held.get(i).path("token").asText(""));
        }
        int open = text.lastIndexOf("[");
        if (open < 0 || text.length() - open >= MAX_PLACEHOLDER_LENGTH || text.indexOf("]", open) >= 0
                || !placeholderSoFar(text, open + 1)) {
            return held.size();
        }
        int i = held.size() - 1;
        while (i > 0 && starts[i] > open) {
            i--;
        }
        return i;
    }

    /** The first {@code count} held tokens, the runs that spell a known placeholder made one token each. */
    private List<JsonNode> merged(int count) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[count + 1];
        for (int i = 0; i < count; i++) {
            starts[i] = text.length();
            text.append(held.get(i).path("token").asText(""));
        }
        starts[count] = text.length();
        List<JsonNode> out = new ArrayList<>(count);
        int next = 0; // the first token not yet given out
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            var value = vault.valueOf(m.group());
            if (value.isEmpty()) {
                continue;
            }
            int first = tokenAt(starts, count, m.start());
            int last = tokenAt(starts, count, m.end() - 1);
            if (first < next) {
                continue; // inside a token already merged
            }
            out.addAll(held.subList(next, first));
            String merged = text.substring(starts[first], m.start()) + value.get() + text.substring(m.end(), starts[last + 1]);
            double logprob = 0;
            for (int i = first; i <= last; i++) {
                logprob += held.get(i).path("logprob").asDouble();
            }
            ObjectNode token = JsonNodeFactory.instance.objectNode().put("token", merged).put("logprob", logprob);
            ArrayNode bytes = token.putArray("bytes");
            for (byte b : merged.getBytes(StandardCharsets.UTF_8)) {
                bytes.add(b & 0xFF);
            }
            token.putArray("top_logprobs");
            out.add(token);
            next = last + 1;
        }
        out.addAll(held.subList(next, count));
        return out;
    }

    private static int tokenAt(int[] starts, int count, int offset) {
        int i = 0;
        while (i + 1 < count && starts[i + 1] <= offset) {
            i++;
        }
        return i;
    }
}
