package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The machine-readable zone of a passport or identity card (ICAO 9303) in a scan: two lines of 44 or 36 characters
 * (TD3, TD2) or three of 30 (TD1) made of capitals, digits and {@code <}. Their fields sit at fixed positions: the
 * holder's name ({@code DE<VRIES<<ANNA<MARIA}), the document number and the date of birth ({@code YYMMDD}).
 * Scans confuse {@code O}/{@code 0} and {@code l}/{@code 1}, so lengths may be off by a few and numeric fields are
 * read with those letters as digits; check digits are not required for the same reason.
 */
public final class MachineReadableZoneRecognizer implements Recognizer {

    private static final double SCORE = 0.95;
    private static final int MIN_LINE = 26;
    private static final Elfproef ELFPROEF = new Elfproef();

    @Override
    public String name() {
        return "mrz";
    }

    @Override
    public List<Finding> find(String text) {
        if (text.indexOf("<<") < 0) {
            return List.of();
        }
        List<int[]> lines = new ArrayList<>();
        int s = 0;
        while (s < text.length()) {
            int e = text.indexOf('\n', s);
            if (e < 0) {
                e = text.length();
            }
            int a = s;
            int b = e;
            while (a < b && text.charAt(a) == ' ') {
                a++;
            }
            while (b > a && (text.charAt(b - 1) == ' ' || text.charAt(b - 1) == '\r')) {
                b--;
            }
            lines.add(mrzLine(text, a, b) ? new int[] {a, b} : null);
            s = e + 1;
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int[] first = lines.get(i);
            int[] second = i + 1 < lines.size() ? lines.get(i + 1) : null;
            if (first != null && second == null) {
                passportNameLine(text, first, out);
            }
            if (first == null || second == null) {
                continue;
            }
            int[] third = i + 2 < lines.size() ? lines.get(i + 2) : null;
            if (third != null && first[1] - first[0] <= 34) {
                td1(text, first, second, third, out);
                i += 2;
            } else {
                td3(text, first, second, out);
                i++;
            }
        }
        return out;
    }

    /** Passport (TD3) or TD2: name on line 1 from position 5; number at 0-9 and birth date at 13-19 on line 2. */
    private void td3(String text, int[] l1, int[] l2, List<Finding> out) {
        name(text, l1[0] + 5, l1[1], out);
        documentNumber(text, l2[0], Math.min(l2[1], l2[0] + 9), out);
        birthDate(text, l2[0] + 13, l2, out);
        personalNumber(text, l2[0] + 26, l2[1], out);
    }

    /**
     * A passport's first line on its own ("P<NLDVAN<DER<ZWAAN<<LOTTE<ELISABETH<<<…", the second line cut off or
     * unreadable in the scan): {@code P}, a type letter or {@code <}, a three-letter country, then the holder's name
     * with {@code <<} between surname and given names.
     */
    private void passportNameLine(String text, int[] line, List<Finding> out) {
        int a = line[0];
        if (line[1] - a < 30 || text.charAt(a) != 'P' || !(text.charAt(a + 1) == '<' || isCapital(text.charAt(a + 1)))
                || !isCapital(text.charAt(a + 2)) || !isCapital(text.charAt(a + 3)) || !isCapital(text.charAt(a + 4))
                || text.indexOf("<<", a + 5) < 0 || text.indexOf("<<", a + 5) >= line[1]) {
            return;
        }
        name(text, a + 5, line[1], out);
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /**
     * The optional personal-number field of a passport (line 2 from position 28) or an identity card (line 1 from
     * position 15): Dutch documents print the BSN there. Looked for from position 26 (scans shift a field by a character or two): nine digits that pass the
     * elfproef.
     */
    private void personalNumber(String text, int from, int to, List<Finding> out) {
        for (int a = from; a + 9 <= to; a++) {
            StringBuilder digits = new StringBuilder(9);
            for (int k = a; k < a + 9 && digit(text.charAt(k)) >= 0; k++) {
                digits.append((char) ('0' + digit(text.charAt(k))));
            }
            boolean bounded = a + 9 == to || digit(text.charAt(a + 9)) < 0; // the check digit before it is glued on
            if (digits.length() == 9 && bounded && ELFPROEF.validate(digits.toString()) == ChecksumValidator.Validity.VALID) {
                out.add(new Finding(EntityType.BSN, a, a + 9, SCORE, name(),
                        "machine-readable zone: personal number (BSN)", "checksum elfproef"));
                return;
            }
        }
    }

    /**
     * Identity card (TD1): number at 5-14 on line 1, birth date at 0-6 on line 2, the name is line 3. The Dutch
     * identity card prints the BSN in line 1's optional field (from position 15, after the number's check digit).
     */
    private void td1(String text, int[] l1, int[] l2, int[] l3, List<Finding> out) {
        documentNumber(text, l1[0] + 5, Math.min(l1[1], l1[0] + 14), out);
        personalNumber(text, l1[0] + 14, l1[1], out);
        birthDate(text, l2[0], l2, out);
        name(text, l3[0], l3[1], out);
    }

    private void name(String text, int from, int to, List<Finding> out) {
        int end = to;
        while (end > from && text.charAt(end - 1) == '<') {
            end--;
        }
        int letters = 0;
        for (int i = from; i < end; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            } else if (text.charAt(i) != '<') {
                return; // digits: not a name field
            }
        }
        if (letters >= 2) {
            out.add(new Finding(EntityType.PERSON, from, end, SCORE, name(), "machine-readable zone: name", ""));
        }
    }

    private void documentNumber(String text, int from, int to, List<Finding> out) {
        int end = to;
        while (end > from && text.charAt(end - 1) == '<') {
            end--;
        }
        if (end - from >= 6) {
            out.add(new Finding(EntityType.ID_DOCUMENT, from, end, SCORE, name(),
                    "machine-readable zone: document number", ""));
        }
    }

    private void birthDate(String text, int from, int[] line, List<Finding> out) {
        if (from + 6 > line[1]) {
            return;
        }
        int[] d = new int[6];
        for (int k = 0; k < 6; k++) {
            d[k] = digit(text.charAt(from + k));
            if (d[k] < 0) {
                return;
            }
        }
        int month = d[2] * 10 + d[3];
        int day = d[4] * 10 + d[5];
        if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
            out.add(new Finding(EntityType.DATE_OF_BIRTH, from, from + 6, SCORE, name(),
                    "machine-readable zone: date of birth (YYMMDD)", ""));
        }
    }

    /** A digit, also as a scan misreads it ({@code O}, {@code l}, {@code I}); -1 otherwise. */
    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'O', 'o', 'D' -> 0;
            case 'l', 'I', 'i' -> 1;
            default -> -1;
        };
    }

    /** At least 26 characters of capitals, digits and {@code <} (scans add a stray lower-case {@code l}), with fillers. */
    private static boolean mrzLine(String text, int a, int b) {
        if (b - a < MIN_LINE || b - a > 48) {
            return false;
        }
        int fillers = 0;
        for (int i = a; i < b; i++) {
            char c = text.charAt(i);
            if (c == '<') {
                fillers++;
            } else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == 'l' || c == 'o')) {
                return false;
            }
        }
        return fillers >= 2;
    }

    @Override
    public Description describe() {
        return new Description(EntityType.ID_DOCUMENT,
                "machine-readable zone of a passport or ID card (ICAO 9303: two lines of 44/36 or three of 30"
                        + " characters of capitals, digits and `<`), fields at fixed positions",
                "reports the holder's name (`PERSON`), the document number, the date of birth (`GEBOORTEDATUM`) and"
                        + " the BSN of a Dutch passport's or identity card's personal-number field (elfproef);"
                        + " scan confusions `O`/`0`, `l`/`1` are read as digits in numeric fields, check digits are"
                        + " not required. Only looked at when the text has `<<`.");
    }
}
