package nl.dijkwacht.audit;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash of an assistant turn (turns28): the gateway stores it for every answer it delivers (audit column
 * {@code turn_hmac}), and the purpose guard hashes an assistant turn a tool resends the same way to learn whether the
 * gateway delivered it ({@code purpose.DeliveredTurns}). HMAC-SHA256 under a key of its own derived from the gateway
 * secret (as the pseudonyms and {@code prompt_cache_key} are keyed), cut to 16 bytes (a look-up key, not evidence: no
 * one without the key can make a text that hashes to a stored value).
 *
 * <p>What is hashed, in one form on both sides: the turn's text with every run of whitespace made one space and none at
 * either end (a tool may re-wrap or trim what it shows), without the AI-marking note the gateway appended
 * ({@value #DISCLAIMER_SEPARATOR_TEXT} and the disclaimer, {@code response.Disclaimer}), then for each tool call the
 * gateway delivered its name and its arguments (whitespace collapsed the same way), each after a separator control
 * character no text of a turn holds after collapsing. Each choice of an answer is hashed on its own, up to 8
 * (turns45; {@code AuditCapture}). A tool call's name and arguments go in as their own MACs (hex), so a stream's arguments are hashed as they arrive.
 * Nothing is kept of the text; a stream's running form holds back at most 2 × {@link #HOLD} characters of the answer's end.
 */
public final class TurnHasher {

    /** What {@code response.Disclaimer#textFor} puts before the disclaimer it appends to an answer's text. */
    public static final String DISCLAIMER_SEPARATOR = "\n\n---\n";
    static final String DISCLAIMER_SEPARATOR_TEXT = "a line '---'";
    /** Characters of an answer's end held back until it is known whether the disclaimer ends it; a longer note is not cut. */
    static final int HOLD = 4_096;
    /** Bytes of the HMAC kept. */
    public static final int BYTES = 16;

    /**
     * The stored key of an answer's other choice (choices 1 to 7, audit47: table {@code audit_choice_key}): the first 8
     * bytes of its hash (hex, as {@link #turn} gives it) as a signed big-endian number. Shorter than choice 0's 16 bytes
     * to keep such a record near 1 KB; at 10⁸ records of eight choices a looked-up hash that was never delivered
     * matches a stored key with a chance of 4·10⁻¹¹ (and then counts as delivered: that turn is not judged again).
     */
    public static long choiceKey(String hash) {
        return HexFormat.fromHexDigitsToLong(hash, 0, 16);
    }

    private static final char CALL = '\u001e';
    private static final char ARGUMENTS = '\u001f';

    private final SecretKeySpec key;
    private final Mac prototype;

    public TurnHasher(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.prototype = TextHasher.newMac(this.key);
    }

    /** The gateway's turn key: {@code HMAC(secret, "dijkwacht-delivered-turn-v1")}. */
    public static TurnHasher fromSecret(byte[] secret) {
        return new TurnHasher(TextHasher.derive(secret, "dijkwacht-delivered-turn-v1"));
    }

    /** A turn as it arrives: text in pieces (a stream), tool calls by index in pieces. */
    public Running running() {
        return new Running();
    }

    /**
     * The hash of a whole turn as a tool resends it: {@code content} (may be null) and its tool calls' names and
     * arguments, in order; no disclaimer is cut (see {@link #withoutNote}).
     */
    public String turn(String content, List<String[]> calls) {
        Running r = running();
        if (content != null) {
            r.content(content);
        }
        for (int i = 0; i < calls.size(); i++) {
            r.toolCall(i, calls.get(i)[0], calls.get(i)[1]);
        }
        return r.finish(null);
    }

    /**
     * A resent turn's text before a line {@code ---} (its whitespace collapsed): the part a gateway answer would have
     * had before its disclaimer, or null when the text holds no such line. What follows the line is not recognised by
     * this and stays for the guard to read.
     */
    public static String[] withoutNote(String content) {
        if (content == null) {
            return null;
        }
        String collapsed = collapse(content);
        int at = collapsed.lastIndexOf(" --- ");
        if (at >= 0) {
            return new String[] {collapsed.substring(0, at), collapsed.substring(at + 5)};
        }
        if (collapsed.startsWith("--- ")) {
            return new String[] {"", collapsed.substring(4)};
        }
        return null;
    }

    /** Every run of whitespace one space, none at either end. */
    static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** One turn being delivered: feed its pieces, then {@link #finish}. Per request, not thread-safe. */
    public final class Running {
        /** A stream's end held back for the disclaimer (made with the first piece of a stream). */
        private StringBuilder tail;
        private final Collapsed text = new Collapsed(256);
        private boolean seen;
        /**
         * The tool calls by index, each name and arguments hashed as they arrive (review44b: a stream's arguments were
         * held whole until its end, without a limit); their hashes go to the turn's MAC at {@link #finish}.
         */
        private List<Collapsed[]> calls;

        public void content(String text) {
            if (text == null || text.isEmpty()) {
                return;
            }
            seen = true;
            if (tail == null) {
                tail = new StringBuilder(Math.min(2 * HOLD, Math.max(64, 2 * text.length())));
            }
            tail.append(text);
            if (tail.length() > 2 * HOLD) {
                int out = tail.length() - HOLD;
                this.text.collapseInto(tail, 0, out);
                tail.delete(0, out);
            }
        }

        /**
         * A whole answer's text, its disclaimer ({@code note}) already known: hashed without holding anything back. Call
         * {@link #finish} with the same note (or none) after any tool calls.
         */
        public void whole(String text, String note) {
            if (text == null || text.isEmpty()) {
                return;
            }
            seen = true;
            int end = text.length();
            if (note != null && !note.isEmpty() && text.endsWith(note)) {
                end -= note.length();
            }
            this.text.collapseInto(text, 0, end);
        }

        /** A piece of tool call {@code index}: its name (or part of it) and a piece of its arguments; either may be null. */
        public void toolCall(int index, String name, String arguments) {
            if (calls == null) {
                calls = new ArrayList<>(2);
            }
            while (calls.size() <= index) {
                calls.add(new Collapsed[] {new Collapsed(32), new Collapsed(256)});
            }
            seen = true;
            if (name != null) {
                calls.get(index)[0].collapseInto(name, 0, name.length());
            }
            if (arguments != null) {
                calls.get(index)[1].collapseInto(arguments, 0, arguments.length());
            }
        }

        public boolean seen() {
            return seen;
        }

        /** Characters this turn holds for its hash now: the text's end held back (tool calls are hashed as they come). */
        int heldChars() {
            return tail == null ? 0 : tail.length();
        }

        /**
         * @param note what the gateway appended to the text ({@link #DISCLAIMER_SEPARATOR} and the disclaimer), cut when
         *             the text ends with it; null or empty: nothing to cut
         * @return the hash (hex, {@value #BYTES} bytes), or null when the turn had no text and no tool call
         */
        public String finish(String note) {
            if (!seen) {
                return null;
            }
            if (tail != null) {
                int end = tail.length();
                if (note != null && !note.isEmpty() && end >= note.length()
                        && tail.indexOf(note, end - note.length()) == end - note.length()) {
                    end -= note.length();
                }
                text.collapseInto(tail, 0, end);
                tail = null;
            }
            if (calls != null) {
                // each call as its name's and its arguments' own MACs (hex), after the separators
                for (Collapsed[] call : calls) {
                    text.feed.ascii(CALL);
                    text.ascii(call[0].finish());
                    text.feed.ascii(ARGUMENTS);
                    text.ascii(call[1].finish());
                }
            }
            return HexFormat.of().formatHex(text.finish(), 0, BYTES);
        }
    }

    /** A MAC over text with every run of whitespace made one space and none at either end, fed in pieces. */
    private final class Collapsed {
        final MacFeed feed;
        /** A high surrogate waiting for its low one (a pair is encoded together). */
        private char high;
        private boolean started;
        private boolean space;

        Collapsed(int chars) {
            this.feed = new MacFeed(TextHasher.copyOf(prototype, key), chars);
        }

        void collapseInto(CharSequence text, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    space = started;
                } else {
                    if (space) {
                        put(' ');
                        space = false;
                    }
                    put(c);
                    started = true;
                }
            }
        }

        /** Hex digits, as they are (after any held surrogate). */
        void ascii(byte[] mac) {
            flushHigh();
            for (char c : HexFormat.of().formatHex(mac).toCharArray()) {
                feed.ascii(c);
            }
        }

        byte[] finish() {
            flushHigh();
            byte[] mac = feed.doFinal();
            feed.wipe();
            return mac;
        }

        private void flushHigh() {
            if (high != 0) {
                feed.text(String.valueOf(high));
                high = 0;
            }
        }

        /** One character to the MAC as UTF-8 ({@code String.getBytes}: an unpaired surrogate as '?'), ASCII without a copy. */
        private void put(char c) {
            if (high != 0) {
                char h = high;
                high = 0;
                feed.text(Character.isLowSurrogate(c) ? new String(new char[] {h, c}) : String.valueOf(h));
                if (Character.isLowSurrogate(c)) {
                    return;
                }
            }
            if (c < 0x80) {
                feed.ascii(c);
            } else if (Character.isHighSurrogate(c)) {
                high = c;
            } else {
                feed.text(String.valueOf(c));
            }
        }
    }
}
