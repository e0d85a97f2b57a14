package nl.dijkwacht.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Literal strings a regular expression cannot match without: every match contains at least one of them, compared
 * after {@link #fold}. Lets {@link ForbiddenPurpose} skip a pattern with a few {@code indexOf} calls instead of a
 * regex scan of the whole text. Understands only a small, common part of the syntax (literals, escaped punctuation,
 * {@code \b \s \w \d .}, groups, alternation, quantifiers); for anything else it returns {@code null} and the pattern
 * always runs, so the result of matching never changes — only its cost.
 */
final class RequiredLiterals {

    private static final int ALLOWED_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final int MAX_EXACT = 64;

    private RequiredLiterals() {
    }

    /** @return folded strings of which every match contains one, or null when no such set is known */
    static List<String> of(Pattern pattern) {
        if ((pattern.flags() & ~ALLOWED_FLAGS) != 0) {
            return null;
        }
        try {
            Parser parser = new Parser(pattern.pattern());
            Info info = parser.alternation();
            if (parser.pos != parser.src.length()) {
                return null;
            }
            return info.required == null ? null : List.copyOf(info.required);
        } catch (Unsupported e) {
            return null;
        }
    }

    /**
     * Per char {@code toLowerCase(toUpperCase(c))}: the comparison java.util.regex uses for case-insensitive Unicode
     * matching, so a char the regex accepts for a literal folds to the same char as that literal (also without those
     * flags, since equal chars fold equally).
     */
    static String fold(CharSequence text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                out[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            } else {
                out[i] = Character.toLowerCase(Character.toUpperCase(c));
            }
        }
        return new String(out);
    }

    static boolean containsAny(String folded, List<String> required) {
        for (String s : required) {
            if (folded.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What is known about a piece of pattern: {@code exact} the finite set of strings it can match (null when not
     * finite or too many), {@code required} strings one of which every match contains (null when unknown).
     */
    private record Info(Set<String> exact, Set<String> required) {

        static Info literal(String s) {
            return new Info(Set.of(s), Set.of(s));
        }

        static final Info EMPTY = new Info(Set.of(""), null);
        static final Info UNKNOWN = new Info(null, null);
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final class Parser {
        final String src;
        int pos;

        Parser(String src) {
            this.src = src;
        }

        Info alternation() {
            List<Info> branches = new ArrayList<>();
            branches.add(sequence());
            while (pos < src.length() && src.charAt(pos) == '|') {
                pos++;
                branches.add(sequence());
            }
            if (branches.size() == 1) {
                return branches.getFirst();
            }
            Set<String> exact = new LinkedHashSet<>();
            Set<String> required = new LinkedHashSet<>();
            for (Info b : branches) {
                if (exact != null && b.exact() != null) {
                    exact.addAll(b.exact());
                } else {
                    exact = null;
                }
                Set<String> r = requirement(b);
                if (required != null && r != null) {
                    required.addAll(r);
                } else {
                    required = null;
                }
            }
            if (exact != null && exact.size() > MAX_EXACT) {
                exact = null;
            }
            return new Info(exact, required);
        }

        Info sequence() {
            Set<String> running = Set.of("");
            Set<String> best = null;
            boolean complete = true;
            while (pos < src.length() && src.charAt(pos) != '|' && src.charAt(pos) != ')') {
                Info atom = quantified(atom());
                Set<String> joined = atom.exact() == null ? null : product(running, atom.exact());
                if (joined != null) {
                    running = joined;
                    continue;
                }
                complete = false;
                best = better(best, running);
                best = better(best, requirement(atom));
                running = atom.exact() == null ? Set.of("") : atom.exact();
            }
            best = better(best, running);
            return new Info(complete ? running : null, best);
        }

        Info atom() {
            char c = src.charAt(pos++);
            switch (c) {
                case '(' -> {
                    if (pos < src.length() && src.charAt(pos) == '?') {
                        if (pos + 1 < src.length() && src.charAt(pos + 1) == ':') {
                            pos += 2;
                        } else {
                            throw new Unsupported(); // lookaround, inline flags, named groups
                        }
                    }
                    Info inner = alternation();
                    if (pos >= src.length() || src.charAt(pos) != ')') {
                        throw new Unsupported();
                    }
                    pos++;
                    return inner;
                }
                case '.' -> {
                    return Info.UNKNOWN;
                }
                case '\\' -> {
                    if (pos >= src.length()) {
                        throw new Unsupported();
                    }
                    char e = src.charAt(pos++);
                    if (e == 'b') {
                        return Info.EMPTY;
                    }
                    if (e == 's' || e == 'w' || e == 'd' || e == 'S' || e == 'W' || e == 'D') {
                        return Info.UNKNOWN;
                    }
                    if (!Character.isLetterOrDigit(e) && e < 128) {
                        return Info.literal(fold(String.valueOf(e)));
                    }
                    throw new Unsupported();
                }
                case '[', '^', '$', '{', '}', '*', '+', '?', ')', '|' -> throw new Unsupported();
                default -> {
                    // a non-ASCII literal stands for "some char": its case folding need not be a fixed point
                    return c < 128 ? Info.literal(fold(String.valueOf(c))) : Info.UNKNOWN;
                }
            }
        }

        Info quantified(Info atom) {
            if (pos >= src.length()) {
                return atom;
            }
            char q = src.charAt(pos);
            int min;
            if (q == '?' || q == '*') {
                pos++;
                min = q == '?' ? 0 : -1;
            } else if (q == '+') {
                pos++;
                min = 1;
            } else if (q == '{') {
                int close = src.indexOf('}', pos);
                if (close < 0) {
                    throw new Unsupported();
                }
                String body = src.substring(pos + 1, close);
                if (!body.matches("\\d+(,\\d*)?")) {
                    throw new Unsupported();
                }
                pos = close + 1;
                min = Integer.parseInt(body.split(",")[0]) > 0 ? 1 : 0;
                if (min == 0) {
                    min = -1;
                }
            } else {
                return atom;
            }
            if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '+')) {
                pos++; // lazy or possessive: same strings can match
            }
            if (min == 0 && atom.exact() != null) {
                Set<String> exact = new LinkedHashSet<>(atom.exact());
                exact.add("");
                return new Info(exact, null);
            }
            if (min == 1) {
                return new Info(null, requirement(atom)); // at least one occurrence
            }
            return Info.UNKNOWN;
        }

        private static Set<String> requirement(Info info) {
            Set<String> r = info.required() != null ? info.required() : info.exact();
            return r == null || r.contains("") ? null : r;
        }

        private static Set<String> product(Set<String> a, Set<String> b) {
            if ((long) a.size() * b.size() > MAX_EXACT) {
                return null;
            }
            Set<String> out = new LinkedHashSet<>();
            for (String x : a) {
                for (String y : b) {
                    out.add(x + y);
                }
            }
            return out;
        }

        /** The more selective of two requirements: the one whose shortest string is longest. */
        private static Set<String> better(Set<String> a, Set<String> b) {
            if (b == null || b.contains("")) {
                return a;
            }
            if (a == null) {
                return b;
            }
            return shortest(b) > shortest(a) ? b : a;
        }

        private static int shortest(Set<String> s) {
            int min = Integer.MAX_VALUE;
            for (String x : s) {
                min = Math.min(min, x.length());
            }
            return min;
        }
    }
}
