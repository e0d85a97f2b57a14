package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.Locale;

/**
 * "| Kapsalon Derya (Derya Aksoy) | … | 80442917 |", "| Giuseppe Sanna (Trattoria Sarda) | … |": a trade name with
 * its owner's name in brackets (or an owner with the trade name in brackets) is how a sole trader is listed, so the
 * KvK number in that table row is the owner's, unless the row names a legal person ({@code B.V.}, {@code stichting}).
 * It needs the person found in the row, so it runs after the detector's overlap step, like {@link FindingLinks}; a
 * company's row ("Jumbo Supermarkten B.V.") and a firm's row without a person keep their KvK number.
 */
final class SoleTraderOwnerLinks {

    private static final ContextEnhancer SOLE_TRADER = ContextEnhancer.of("/pii/context/kvk-sole-trader.txt", 250, 150);

    private SoleTraderOwnerLinks() {
    }

    static void link(AnalysedText analysed, List<Finding> kept, List<Finding> added) {
        TextStructure structure = analysed.structure();
        if (structure.isEmpty()) {
            return;
        }
        String text = analysed.text();
        for (Finding f : kept) {
            if (f.type() == EntityType.PERSON && ownerBesideTradeName(text, f)) {
                kvkInRow(analysed, structure, f, kept, added);
            }
        }
    }

    /** "Kapsalon Derya (Derya Aksoy)" or "Giuseppe Sanna (Trattoria Sarda)", within one table cell. */
    private static boolean ownerBesideTradeName(String text, Finding person) {
        int open = person.start() - 1;
        if (open >= 1 && text.charAt(open) == '(' && person.end() < text.length() && text.charAt(person.end()) == ')') {
            return organisationWordIn(text, cellStart(text, open), open);
        }
        int close = person.end() + 1 < text.length() && text.charAt(person.end()) == ' '
                && text.charAt(person.end() + 1) == '(' ? text.indexOf(')', person.end()) : -1;
        return close > 0 && close - person.end() < 60 && text.lastIndexOf('\n', close) < person.end()
                && organisationWordIn(text, person.end() + 2, close);
    }

    private static int cellStart(String text, int at) {
        int i = at;
        while (i > 0 && "|;\t\n\"".indexOf(text.charAt(i - 1)) < 0) {
            i--;
        }
        return i;
    }

    private static boolean organisationWordIn(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetter(text.charAt(i)) && (i == from || !Character.isLetter(text.charAt(i - 1)))) {
                int e = i;
                while (e < to && Character.isLetter(text.charAt(e))) {
                    e++;
                }
                if (PersonFieldValues.organisationWord(text.substring(i, e).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                i = e;
            }
        }
        return false;
    }

    /** The row's cell under a KvK column that holds eight digits and no finding yet: the owner's KvK number. */
    private static void kvkInRow(AnalysedText analysed, TextStructure structure, Finding person, List<Finding> kept,
            List<Finding> added) {
        String text = analysed.text();
        int lineStart = text.lastIndexOf('\n', person.start()) + 1;
        int lineEnd = text.indexOf('\n', person.end());
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        for (TextStructure.Field f : structure.fields()) {
            if (f.start() < lineStart || f.end() > lineEnd || f.kind() != TextStructure.Kind.TABLE
                    || !f.key().contains("kvk") || !eightDigits(text, f.start(), f.end())
                    || !FindingLinks.isFree(kept, added, f.start(), f.end())
                    || SOLE_TRADER.signalOnLine(analysed.lower(), f.start(), f.end()) == ContextEnhancer.Signal.NEGATIVE) {
                continue;
            }
            added.add(new Finding(EntityType.KVK, f.start(), f.end(), 0.85, "kvk", "KvK number in a sole trader's row",
                    "owner named beside the trade name"));
        }
    }

    private static boolean eightDigits(String text, int start, int end) {
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (c != ' ' && c != '.') {
                return false;
            }
        }
        return digits == 8;
    }
}
