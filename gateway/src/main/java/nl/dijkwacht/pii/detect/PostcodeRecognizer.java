package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Dutch postcodes: four digits (not starting with 0) and two letters, never SA, SD or SS. Upper case with or
 * without a space; lower case only when written together ({@code 1234ab}), since "2024 de" is prose.
 * Years followed by a common abbreviation ("in 2024 EU-breed") are left alone.
 */
public final class PostcodeRecognizer implements AnalysedTextRecognizer {

    private static final Pattern POSTCODE = Pattern.compile(
            "(?<![\\p{L}\\d.,€-])([1-9]\\d{3} ?[A-Z]{2}|[1-9]\\d{3}[a-z]{2})(?![\\p{L}\\d]|-\\p{L})");

    private static final Set<String> NOT_POSTCODE_LETTERS = Set.of(
            "SA", "SD", "SS", "AI", "EU", "NL", "VS", "UK", "BV", "NV", "CV", "ID", "IT", "HR", "OK", "PC", "TV", "KB",
            "MB", "GB", "TB", "KM", "CM", "MM", "KG", "MW", "KW", "GW", "HA", "NA", "VC", "AD", "BC", "JR", "SR");

    /** "1234 ab Utrecht" or "postcode 1234 ab": lower case with a space, only with a place name or the label. */
    private static final Pattern LOWER_SPACED = Pattern.compile(
            "(?<![\\p{L}\\d.,€-])([1-9]\\d{3} [a-z]{2})(?= \\p{Lu}\\p{L}+|(?![\\p{L}\\d]))");
    private static final ContextEnhancer LABEL = ContextEnhancer.of("/pii/context/postcode.txt", 15, 0);

    @Override
    public String name() {
        return "postcode";
    }

    @Override
    public List<Finding> find(AnalysedText analysed) {
        String text = analysed.text();
        List<Finding> found = new ArrayList<>();
        // both patterns open with a run of exactly four digits (regex20: not tried at every other number)
        int[] fourDigits = CandidateScan.digitRuns(text, analysed.digitRunStarts(), 4, 4, null);
        for (MatchResult m : CandidateScan.matches(POSTCODE, text, fourDigits)) {
            String v = m.group(1);
            String letters = v.substring(v.length() - 2).toUpperCase(Locale.ROOT);
            boolean forbidden = letters.equals("SA") || letters.equals("SD") || letters.equals("SS");
            boolean yearLike = v.startsWith("19") || v.startsWith("20");
            if (forbidden || (yearLike && NOT_POSTCODE_LETTERS.contains(letters))) {
                continue;
            }
            found.add(new Finding(EntityType.POSTCODE, m.start(1), m.end(1), 0.9, name(), "four digits and two capitals", ""));
        }
        for (ForeignAddressLines.Line line : ForeignAddressLines.find(text)) {
            found.add(new Finding(EntityType.POSTCODE, line.postcodeStart(), line.postcodeEnd(), 0.85, name(),
                    "postcode abroad after a street and house number", "a town follows"));
        }
        if (text.indexOf(',') >= 0 && !analysed.structure().isEmpty()) {
            wholeCells(text, analysed.structure(), found);
        }
        if (text.indexOf(' ') < 0) {
            return found;
        }
        for (MatchResult m : CandidateScan.matches(LOWER_SPACED, text, fourDigits)) {
            String v = m.group(1);
            if (v.endsWith("sa") || v.endsWith("sd") || v.endsWith("ss")) {
                continue;
            }
            boolean yearLike = v.startsWith("19") || v.startsWith("20");
            boolean placeFollows = !yearLike && m.end(1) + 1 < text.length()
                    && Character.isUpperCase(text.charAt(m.end(1) + 1));
            boolean afterHouseNumber = !placeFollows && !yearLike && !SHORT_WORDS.contains(v.substring(5))
                    && afterHouseNumber(text, m.start(1));
            ContextEnhancer.Cue label = placeFollows || afterHouseNumber ? null
                    : LABEL.cue(analysed.lower(), m.start(1), m.end(1));
            if (placeFollows || afterHouseNumber || label.signal() == ContextEnhancer.Signal.POSITIVE) {
                found.add(new Finding(EntityType.POSTCODE, m.start(1), m.end(1), 0.8, name(),
                        "lower case with a space", placeFollows ? "place name follows"
                                : afterHouseNumber ? "after a street and house number" : label.describe()));
            }
        }
        return found;
    }

    private static final Pattern CELL = Pattern.compile("[1-9]\\d{3} ?[A-Z]{2}");

    /**
     * "…,Vechtstraat 88-2,3522 AK": a cell of a comma-separated row that is a postcode and nothing else, which the
     * pattern above passes over because a digit and a comma stand before it (as in an amount, "2,3522").
     */
    private static void wholeCells(String text, TextStructure structure, List<Finding> found) {
        for (TextStructure.Field f : structure.fields()) {
            if (f.kind() != TextStructure.Kind.TABLE || f.start() < 2 || text.charAt(f.start() - 1) != ','
                    || !Character.isDigit(text.charAt(f.start() - 2)) || !CELL.matcher(text).region(f.start(), f.end()).matches()) {
                continue;
            }
            String letters = text.substring(f.end() - 2, f.end());
            if (!letters.equals("SA") && !letters.equals("SD") && !letters.equals("SS")) {
                found.add(new Finding(EntityType.POSTCODE, f.start(), f.end(), 0.9, "postcode", "four digits and two capitals",
                        "a table cell"));
            }
        }
    }

    /** "troelstralaan 14 in 2624 ed", "kastanjelaan 7 6826 ng": a word, a house number, then the postcode. */
    private static final Pattern HOUSE_NUMBER_BEFORE = Pattern.compile("\\p{L}{3,} \\d{1,5}[a-z]?,?(?: in| te)? $");

    /** Two-letter words: "pagina 14 in 2624 is" is prose, not a postcode. */
    private static final Set<String> SHORT_WORDS = Set.of("en", "is", "op", "in", "de", "te", "om", "na", "al", "ik",
            "we", "ze", "je", "of", "er", "af", "uw", "nu", "zo", "ja", "an", "as", "at", "be", "by", "do", "go", "he",
            "if", "it", "me", "my", "no", "on", "or", "so", "to", "up", "us");

    private static boolean afterHouseNumber(String text, int start) {
        return HOUSE_NUMBER_BEFORE.matcher(text).region(Math.max(0, start - 30), start).find();
    }

    @Override
    public Description describe() {
        return new Description(EntityType.POSTCODE,
                "`1234 AB` / `1234AB`; lower case when written together, or `1234 ab` followed by a place name, after"
                        + " a street and house number (`kastanjelaan 7 6826 ng`) or after `postcode`; a postcode abroad"
                        + " (`4700`, `B-4700`, `47533`, `00-950`) between `street number,` and a town",
                "never SA/SD/SS; a year followed by an abbreviation (`2024 EU`, `2023 AI`) is not a postcode.");
    }
}
