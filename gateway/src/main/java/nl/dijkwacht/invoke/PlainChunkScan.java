package nl.dijkwacht.invoke;

import java.nio.charset.StandardCharsets;

/**
 * The plain text event of {@link RawChunk#plainContent} recognised in the bytes themselves, without a Jackson parser
 * per event (a parser, its context, symbol table and buffers: most of what a streamed answer's relay allocated per
 * event). Strict: it answers only for one JSON object of the plain shape, written as RFC 8259 asks — field names
 * without escapes, well-formed UTF-8, numbers in the standard form, at most {@value #MAX_DEPTH} levels deep — and says
 * "not sure" ({@code null}) for anything else, which the parser then reads as before. So when it answers, the parser
 * would have read the same event and given the same text; when it does not, nothing changes.
 */
final class PlainChunkScan {

    /** Deeper events are left to the parser (whose own limit is far higher). */
    static final int MAX_DEPTH = 32;
    /** Longer events are left to the parser (its string limit is far higher; an answer event is a few hundred bytes). */
    static final int MAX_LENGTH = 1 << 20;
    /** Longer field names, and events with more of them, are left to the parser (its name limits are far higher). */
    static final int MAX_NAME = 256;
    static final int MAX_NAMES = 512;

    /** Thrown inside the scan when it is not sure; never leaves this class. */
    private static final class NotSure extends Exception {
        NotSure() {
            super(null, null, false, false);
        }
    }

    private static final NotSure NOT_SURE = new NotSure();

    private final byte[] b;
    private final int end;
    private int i;

    private PlainChunkScan(byte[] bytes, int length) {
        this.b = bytes;
        this.end = length;
    }

    /** Choice 0's delta text of a plain text event ({@code ""} when it has none); {@code null}: not sure, ask the parser. */
    static String content(byte[] bytes, int length) {
        if (length > MAX_LENGTH) {
            return null;
        }
        try {
            return new PlainChunkScan(bytes, length).event();
        } catch (NotSure e) {
            return null;
        }
    }

    private String event() throws NotSure {
        space();
        expect('{');
        String content = null;
        boolean choices = false;
        if (!next('}')) {
            do {
                int name = name();
                if (is(name, "choices")) {
                    if (choices) {
                        throw NOT_SURE;
                    }
                    choices = true;
                    expect('[');
                    content = choice();
                    expect(']');
                } else if (is(name, "usage")) {
                    literal("null");
                } else if (is(name, "error") || is(name, "citations")) {
                    throw NOT_SURE;
                } else {
                    value(1);
                }
            } while (next(','));
            expect('}');
        }
        space();
        if (i != end || !choices) {
            throw NOT_SURE;
        }
        return content;
    }

    /** One choice object: its delta's text ({@code ""} without one). */
    private String choice() throws NotSure {
        expect('{');
        String content = "";
        boolean index = false;
        boolean delta = false;
        if (!next('}')) {
            do {
                int name = name();
                if (is(name, "index")) {
                    if (index) {
                        throw NOT_SURE;
                    }
                    index = true;
                    space();
                    if (i >= end || b[i] != '0') {
                        throw NOT_SURE;
                    }
                    i++;
                    endOfNumber();
                } else if (is(name, "finish_reason")) {
                    literal("null");
                } else if (is(name, "delta")) {
                    if (delta) {
                        throw NOT_SURE;
                    }
                    delta = true;
                    content = delta();
                } else {
                    value(3);
                }
            } while (next(','));
            expect('}');
        }
        if (!index) {
            throw NOT_SURE;
        }
        return content;
    }

    private String delta() throws NotSure {
        expect('{');
        String content = "";
        boolean seen = false;
        if (!next('}')) {
            do {
                int name = name();
                if (is(name, "content")) {
                    if (seen) {
                        throw NOT_SURE;
                    }
                    seen = true;
                    space();
                    if (i < end && b[i] == '"') {
                        content = string(true);
                    } else {
                        literal("null");
                        content = "";
                    }
                } else if (is(name, "tool_calls") || is(name, "annotations")) {
                    throw NOT_SURE;
                } else {
                    value(4);
                }
            } while (next(','));
            expect('}');
        }
        return content;
    }

    // ---------------------------------------------------------------- JSON, strictly

    /** Any JSON value, checked and skipped. */
    private void value(int depth) throws NotSure {
        if (depth > MAX_DEPTH) {
            throw NOT_SURE;
        }
        space();
        if (i >= end) {
            throw NOT_SURE;
        }
        switch (b[i]) {
            case '{' -> {
                i++;
                if (!next('}')) {
                    do {
                        name();
                        value(depth + 1);
                    } while (next(','));
                    expect('}');
                }
            }
            case '[' -> {
                i++;
                if (!next(']')) {
                    do {
                        value(depth + 1);
                    } while (next(','));
                    expect(']');
                }
            }
            case '"' -> string(false);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    /** A field name without escapes and its colon; @return where its text starts (its length is {@code i - 2 - start}). */
    private int name() throws NotSure {
        if (++names > MAX_NAMES) {
            throw NOT_SURE;
        }
        space();
        expect('"');
        int start = i;
        while (i < end && i - start <= MAX_NAME) {
            int c = b[i] & 0xff;
            if (c == '"') {
                nameEnd = i;
                i++;
                space();
                expect(':');
                return start;
            }
            if (c < 0x20 || c == '\\' || c >= 0x80) {
                throw NOT_SURE;
            }
            i++;
        }
        throw NOT_SURE;
    }

    private int nameEnd;
    private int names;

    private boolean is(int start, String name) {
        if (nameEnd - start != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if (b[start + k] != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** A string value, the scan on its opening quote; @return its text when {@code decode}, else null. */
    private String string(boolean decode) throws NotSure {
        i++;
        int start = i;
        boolean plain = true;
        while (true) {
            if (i >= end) {
                throw NOT_SURE;
            }
            int c = b[i] & 0xff;
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw NOT_SURE;
            }
            if (c == '\\') {
                plain = false;
                escape();
            } else if (c >= 0x80) {
                plain = false;
                utf8(c);
            } else {
                i++;
            }
        }
        int stop = i;
        i++;
        if (!decode) {
            return null;
        }
        if (plain) {
            return new String(b, start, stop - start, StandardCharsets.ISO_8859_1);
        }
        return decoded(start, stop);
    }

    /** Checks one escape sequence, the scan on its backslash. */
    private void escape() throws NotSure {
        if (i + 1 >= end) {
            throw NOT_SURE;
        }
        switch (b[i + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> i += 2;
            case 'u' -> {
                if (i + 5 >= end) {
                    throw NOT_SURE;
                }
                for (int k = 2; k < 6; k++) {
                    if (Character.digit(b[i + k], 16) < 0) {
                        throw NOT_SURE;
                    }
                }
                i += 6;
            }
            default -> throw NOT_SURE;
        }
    }

    /**
     * Checks one well-formed UTF-8 sequence of two to four bytes (no overlong form, no surrogate, nothing above
     * U+10FFFF), the scan on its first byte {@code c}.
     */
    private void utf8(int c) throws NotSure {
        int n;
        int min;
        int max = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            min = c == 0xE0 ? 0xA0 : 0x80;
            max = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            min = c == 0xF0 ? 0x90 : 0x80;
            max = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw NOT_SURE;
        }
        if (i + n >= end) {
            throw NOT_SURE;
        }
        int second = b[i + 1] & 0xff;
        if (second < min || second > max) {
            throw NOT_SURE;
        }
        for (int k = 2; k <= n; k++) {
            int next = b[i + k] & 0xff;
            if (next < 0x80 || next > 0xBF) {
                throw NOT_SURE;
            }
        }
        i += n + 1;
    }

    /** The text of a checked string with escapes or UTF-8 between {@code start} and {@code stop}. */
    private String decoded(int start, int stop) {
        StringBuilder out = new StringBuilder(stop - start);
        int k = start;
        while (k < stop) {
            int c = b[k] & 0xff;
            if (c == '\\') {
                byte e = b[k + 1];
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> out.append((char) Integer.parseInt(new String(b, k + 2, 4, StandardCharsets.US_ASCII), 16));
                    default -> out.append((char) e);
                }
                k += e == 'u' ? 6 : 2;
            } else if (c < 0x80) {
                out.append((char) c);
                k++;
            } else if (c < 0xE0) {
                out.append((char) (((c & 0x1F) << 6) | (b[k + 1] & 0x3F)));
                k += 2;
            } else if (c < 0xF0) {
                out.append((char) (((c & 0x0F) << 12) | ((b[k + 1] & 0x3F) << 6) | (b[k + 2] & 0x3F)));
                k += 3;
            } else {
                out.appendCodePoint(((c & 0x07) << 18) | ((b[k + 1] & 0x3F) << 12) | ((b[k + 2] & 0x3F) << 6) | (b[k + 3] & 0x3F));
                k += 4;
            }
        }
        return out.toString();
    }

    /** A number in the standard form: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?, followed by an end of value. */
    private void number() throws NotSure {
        int start = i;
        if (i < end && b[i] == '-') {
            i++;
        }
        if (i >= end) {
            throw NOT_SURE;
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            digits();
        } else {
            throw NOT_SURE;
        }
        if (i < end && b[i] == '.') {
            i++;
            if (i >= end || b[i] < '0' || b[i] > '9') {
                throw NOT_SURE;
            }
            digits();
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            if (i >= end || b[i] < '0' || b[i] > '9') {
                throw NOT_SURE;
            }
            digits();
        }
        if (i - start > 100) {
            throw NOT_SURE;
        }
        endOfNumber();
    }

    private void digits() {
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
    }

    /** What may follow a number or literal: the end of the value. */
    private void endOfNumber() throws NotSure {
        if (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != ',' && c != '}' && c != ']') {
                throw NOT_SURE;
            }
        }
    }

    private void literal(String word) throws NotSure {
        space();
        if (i + word.length() > end) {
            throw NOT_SURE;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                throw NOT_SURE;
            }
        }
        i += word.length();
        endOfNumber();
    }

    /** Spaces and tabs (an event with a line break is not plain: {@link RawChunk} decides that before). */
    private void space() {
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
    }

    private void expect(char c) throws NotSure {
        space();
        if (i >= end || b[i] != c) {
            throw NOT_SURE;
        }
        i++;
    }

    /** Consumes {@code c} when it comes next (after spaces). */
    private boolean next(char c) {
        space();
        if (i < end && b[i] == c) {
            i++;
            return true;
        }
        return false;
    }
}
