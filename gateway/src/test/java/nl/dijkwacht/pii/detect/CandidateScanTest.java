package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Candidate positions computed once per text, and the scan over them, agree with a plain {@code find()}. */
class CandidateScanTest {

    private static final List<String> TEXTS = List.of(
            "BSN 111222333, tel. 06-12345678 of +31 6 23456789; 12.345.678 en 3511AB",
            "1234567 89a b12 c 0 00 7-8-9 é1 ü2x3\n\t4",
            "",
            "geen cijfers hier",
            "9",
            "a9b99c999 1999-12-31");

    @Test
    void digitRunAndTokenStartsAreEveryStartOfARun() {
        for (String text : TEXTS) {
            AnalysedText a = AnalysedText.of(text);
            List<Integer> digits = new ArrayList<>();
            List<Integer> tokens = new ArrayList<>();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (CandidateScan.isDigit(c) && (i == 0 || !CandidateScan.isDigit(text.charAt(i - 1)))) {
                    digits.add(i);
                }
                if (Character.isLetterOrDigit(c) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                    tokens.add(i);
                }
            }
            assertThat(a.digitRunStarts()).as(text).containsExactly(digits.stream().mapToInt(Integer::intValue).toArray());
            assertThat(a.tokenStarts()).as(text).containsExactly(tokens.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void scanAtDigitRunStartsFindsWhatFindFinds() {
        Pattern digitsFirst = Pattern.compile("(?<![\\p{L}\\d])(\\d{4} ?[A-Z]{2}|\\d{9}|\\d{2}\\.\\d{3}\\.\\d{3})(?![\\p{L}\\d])");
        for (String text : TEXTS) {
            List<String> expected = new ArrayList<>();
            Matcher m = digitsFirst.matcher(text);
            while (m.find()) {
                expected.add(m.start() + ":" + m.group());
            }
            List<String> scanned = new ArrayList<>();
            for (MatchResult r : CandidateScan.matches(digitsFirst, text, AnalysedText.of(text).digitRunStarts())) {
                scanned.add(r.start() + ":" + r.group());
            }
            assertThat(scanned).as(text).isEqualTo(expected);
        }
        assertThat(CandidateScan.matches(digitsFirst, TEXTS.get(0), AnalysedText.of(TEXTS.get(0)).digitRunStarts()))
                .extracting(MatchResult::group).containsExactly("111222333", "12.345.678", "3511AB");
    }
}
