package nl.dijkwacht.openai;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether a request body is text every reader reads alike: well-formed UTF-8 (Unicode's table 3-7: no overlong forms,
 * no encoded surrogates, nothing above U+10FFFF, no cut-off sequence), no NUL byte (JSON never has one raw; UTF-16 and
 * UTF-32 bodies do), and no {@code \}{@code u} escape of half a surrogate pair without its other half.
 *
 * <p>Jackson reads more than that: it decodes overlong forms ({@code C0 B1} as {@code 1}), recognises UTF-16 and UTF-32
 * bodies by their bytes, and keeps unpaired surrogates; Python's {@code json} refuses the first, Go's {@code encoding/json}
 * (Ollama) reads them and unpaired surrogates as U+FFFD. Such a body is refused rather than read one way by the gateway
 * and another by a model server (parse28). A UTF-8 byte order mark is not content for any reader (Jackson and Python
 * skip it, others refuse the body); it is allowed here and never sent on.
 *
 * <p>One pass over the bytes, without allocating, eight plain ASCII bytes at a time. Backslashes are read
 * pairwise (an escape and the character it escapes), which is exact for valid JSON, where a backslash occurs only
 * inside strings; for invalid JSON the parser's refusal follows anyway.
 */
final class BodyEncoding {

    /** What is wrong with a body's text. */
    enum Problem { NOT_UTF8, NUL_BYTE, UNPAIRED_SURROGATE }

    private BodyEncoding() {
    }

    /** The first problem of {@code body}, or {@code null} when it reads alike everywhere. */
    static Problem check(byte[] body) {
        int n = body.length;
        int i = 0;
        while (i < n) {
            // eight plain bytes at a time: ASCII, no NUL, no backslash (most of a body)
            while (i + 8 <= n && plain((long) WORDS.get(body, i))) {
                i += 8;
            }
            if (i >= n) {
                break;
            }
            int b = body[i];
            if (b > 0) {
                if (b == '\\') {
                    int next = i + 1 < n ? body[i + 1] : -1;
                    if (next == 'u') {
                        int unit = hex4(body, i + 2);
                        if (unit >= 0xD800 && unit <= 0xDBFF) {
                            // a high surrogate: its low half must follow at once, as an escape too
                            int low = i + 7 < n && body[i + 6] == '\\' && body[i + 7] == 'u' ? hex4(body, i + 8) : -1;
                            if (low < 0xDC00 || low > 0xDFFF) {
                                return Problem.UNPAIRED_SURROGATE;
                            }
                            i += 12;
                            continue;
                        }
                        if (unit >= 0xDC00 && unit <= 0xDFFF) {
                            return Problem.UNPAIRED_SURROGATE;
                        }
                    }
                    i += next > 0 ? 2 : 1; // the escaped character is not a backslash of its own
                    continue;
                }
                i++;
                continue;
            }
            if (b == 0) {
                return Problem.NUL_BYTE;
            }
            int length = sequenceLength(body, i);
            if (length == 0) {
                return Problem.NOT_UTF8;
            }
            i += length;
        }
        return null;
    }

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long BACKSLASHES = ONES * '\\';

    /**
     * Whether all eight bytes of {@code word} are ASCII other than NUL and backslash: no high bit set, and no zero byte
     * in the word or in the word XOR eight backslashes (the classic "has a zero byte" test, {@code (v - 0x01..) & ~v &
     * 0x80..}, exact when no high bit is set).
     */
    private static boolean plain(long word) {
        return (word & HIGHS) == 0 && ((word - ONES) & HIGHS) == 0 && (((word ^ BACKSLASHES) - ONES) & HIGHS) == 0;
    }

    /**
     * The length of the well-formed multi-byte sequence at {@code i}, or 0 (Unicode 15, table 3-7): C2–DF then one
     * continuation byte; E0 then A0–BF; E1–EC, EE–EF then 80–BF; ED then 80–9F (not a surrogate); F0 then 90–BF;
     * F1–F3 then 80–BF; F4 then 80–8F (not above U+10FFFF); each followed by the remaining continuation bytes 80–BF.
     */
    private static int sequenceLength(byte[] body, int i) {
        int lead = body[i] & 0xFF;
        int length;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                low = 0xA0;
            } else if (lead == 0xED) {
                high = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                low = 0x90;
            } else if (lead == 0xF4) {
                high = 0x8F;
            }
        } else {
            return 0;
        }
        if (i + length > body.length) {
            return 0;
        }
        int second = body[i + 1] & 0xFF;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            int continuation = body[i + k] & 0xFF;
            if (continuation < 0x80 || continuation > 0xBF) {
                return 0;
            }
        }
        return length;
    }

    /** The four hex digits at {@code at} as a number, or -1. */
    private static int hex4(byte[] body, int at) {
        if (at + 4 > body.length) {
            return -1;
        }
        int value = 0;
        for (int k = at; k < at + 4; k++) {
            int digit = Character.digit(body[k], 16);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }
}
