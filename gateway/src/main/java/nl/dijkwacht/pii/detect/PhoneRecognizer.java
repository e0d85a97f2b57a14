package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Telephone numbers: Dutch mobile and landline numbers (0…, +31…, 0031…, with or without (0)), and
 * international numbers written with + or 00. Municipal short numbers ({@code 14 020}), service numbers (0800, 0900,
 * 0906, 0909) and the 088 range the numbering plan gives to organisations (pii49) reach an organisation, not a person,
 * and are left alone: an organisation's number is no personal data. An organisation's ordinary landline
 * ({@code 0318 68 09 11}) cannot be told from a person's by its digits and is reported (fail safe).
 */
public final class PhoneRecognizer implements Recognizer {

    private static final Pattern DAY_FIRST_DATE = Pattern.compile("\\d{1,2}[-.]\\d{1,2}[-.]\\d{2,4}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** "02-11-2026 14:32": a date with a four-digit year and then the time, not a number in 2-2-4-2 groups. */
    private static final Pattern DATE_THEN_MORE = Pattern.compile("\\d{1,2}[-./]\\d{1,2}[-./](?:19|20)\\d{2}(?!\\d)");

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\d+.,/-])((?:\\+|00)\\d[\\d ()\\-.]{6,20}\\d|\\(?0\\d[\\d ()\\-.]{7,16}\\d)(?![\\d\\p{L}]|[.,-]\\d)");

    @Override
    public String name() {
        return "phone";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        for (MatchResult m : CandidateScan.matches(CANDIDATE, text, candidateStarts(text))) {
            String candidate = m.group(1);
            int start = m.start(1);
            if (candidate.startsWith("(") && candidate.indexOf(')') < 0) {
                candidate = candidate.substring(1);
                start++;
            }
            int end = start + longestAcceptedPrefix(candidate);
            if (end > start && !insideAccountNumber(text, start)) {
                found.add(new Finding(EntityType.PHONE, start, end, 0.9, name(),
                        candidate.startsWith("+") || candidate.startsWith("00") ? "international number" : "Dutch number", ""));
            }
        }
        return found;
    }

    /**
     * A '+', a '(' or a '0' that starts a run of digits: every alternative of {@link #CANDIDATE} opens with {@code +},
     * {@code 00}, {@code (} or {@code 0}, so a run that starts with another digit ("12 in", "14 maart") was tried for
     * nothing (regex20).
     */
    static int[] candidateStarts(String text) {
        int[] out = new int[16];
        int count = 0;
        boolean previousDigit = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            boolean digit = CandidateScan.isDigit(c);
            if (c == '+' || c == '(' || (c == '0' && !previousDigit)) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = i;
            }
            previousDigit = digit;
        }
        return Arrays.copyOf(out, count);
    }

    private static final Pattern ACCOUNT_PREFIX = Pattern.compile("[A-Za-z]{2}\\d{2} ?[A-Za-z0-9]{4} ?$");

    /** "NL44 RABO 0306 2218 64": the digits after a bank code belong to an account number, not a phone number. */
    private static boolean insideAccountNumber(String text, int start) {
        int from = Math.max(0, start - 11);
        return ACCOUNT_PREFIX.matcher(text.substring(from, start)).find();
    }

    /**
     * Length of the longest prefix that is a phone number, ending after a digit and before a separator or the
     * end: "06-12345678 - 020-1234567" is two numbers, "06 12345678 12" one and a stray number. 0 if none.
     */
    static int longestAcceptedPrefix(String candidate) {
        for (int end = candidate.length(); end > 0; end--) {
            boolean boundary = end == candidate.length() || !Character.isDigit(candidate.charAt(end));
            if (boundary && Character.isDigit(candidate.charAt(end - 1))) {
                String prefix = candidate.substring(0, end);
                if (accept(prefix)) {
                    return end;
                }
            }
        }
        return 0;
    }

    static boolean accept(String candidate) {
        candidate = candidate.replace(" - ", "-");
        if (candidate.contains("  ") || hasDoubleSeparator(candidate)) {
            return false;
        }
        if (looksLikeDate(candidate)) {
            return false;
        }
        String digits = digitsOf(candidate.replace("(0)", ""));
        String national;
        if (candidate.startsWith("+31") || candidate.startsWith("0031")) {
            national = "0" + digits.substring(candidate.startsWith("+") ? 2 : 4);
        } else if (candidate.startsWith("+") || candidate.startsWith("00")) {
            int n = digits.length() - (candidate.startsWith("00") ? 2 : 0);
            return n >= 8 && n <= 15;
        } else {
            national = digits;
        }
        if (national.length() != 10 || national.charAt(0) != '0' || national.charAt(1) == '0') {
            return false;
        }
        return !(national.startsWith("0800") || national.startsWith("0900") || national.startsWith("0906")
                || national.startsWith("0909") || national.startsWith("088"));
    }

    /** The ASCII digits of {@code s}: {@code replaceAll("\\D", "")} without a regex (regex20). */
    static String digitsOf(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hasDoubleSeparator(String s) {
        for (int i = 1; i < s.length(); i++) {
            char a = s.charAt(i - 1);
            char b = s.charAt(i);
            if (!Character.isDigit(a) && !Character.isDigit(b) && a != '(' && b != '(' && a != ')' && b != ')') {
                return true;
            }
        }
        return false;
    }

    /** 01-02-2024, 01.02.2024 and 2024-01-02 style strings. */
    private static boolean looksLikeDate(String s) {
        return DAY_FIRST_DATE.matcher(s).matches() || ISO_DATE.matcher(s).matches() || DATE_THEN_MORE.matcher(s).lookingAt();
    }

    @Override
    public Description describe() {
        return new Description(EntityType.PHONE, "pattern + digit-count rules",
                "Dutch numbers must have 10 digits after normalising `+31`/`0031`/`(0)`; international `+`/`00` numbers"
                        + " 8–15 digits; separators ` `, `-`, ` - `, `.`, `(0)`; two numbers in a row are split. Not:"
                        + " `14 0xx` municipal numbers, 0800/0900/0906/0909 and 088 (organisations' range), dates, digits that follow a bank code"
                        + " (`NL.. RABO 0306 …`).");
    }
}
