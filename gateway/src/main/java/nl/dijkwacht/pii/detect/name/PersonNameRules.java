package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule layer for person names, run next to the statistical name finder. Covers what a small model misses; each
 * rule family is its own class and they are tried in this order at every token, the first that applies decides:
 * {@link TitleAndInitialRules}, {@link FamilyNameFirstRules}, {@link GivenNameRules} (capitalised),
 * {@link SurnameRules}, {@link GivenNameRules} (lower case), the same-line signature of {@link NameLineRules};
 * afterwards the name lines and the lower-case {@link ChatNameRules}. Names inside street
 * and organisation names are rejected by {@link StreetOrganisationFilter}.
 */
final class PersonNameRules {

    private final TitleAndInitialRules titles;
    private final GivenNameRules givenNames;
    private final SurnameRules surnames;
    private final NameLineRules lines;
    private final FamilyNameFirstRules familyNameFirst = new FamilyNameFirstRules();
    private final ChatNameRules chat = new ChatNameRules();
    private final LowerCaseCommaNameRules lowerCaseComma;
    /** Arrays, not lists: walked at every token, where a list's iterator was a sixteenth of the engine's garbage. */
    private final RuleAt[] atAnyToken;
    private final RuleAt[] atWord;

    PersonNameRules(NameGazetteer gazetteer) {
        NameParser parser = new NameParser(gazetteer);
        this.lowerCaseComma = new LowerCaseCommaNameRules(gazetteer);
        this.titles = new TitleAndInitialRules(parser);
        this.givenNames = new GivenNameRules(parser);
        this.surnames = new SurnameRules(parser);
        this.lines = new NameLineRules(parser);
        this.atAnyToken = new RuleAt[] {titles::title, titles::initials};
        this.atWord = new RuleAt[] {titles::relationInBrackets, titles::introduction, surnames::commaInitials,
                familyNameFirst::at, givenNames::capitalised, surnames::particleAndSurname, surnames::knownSurname,
                givenNames::lowerCase, lines::signature};
    }

    List<NameSpan> find(String text, List<TextToken> tokens) {
        List<NameSpan> spans = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int next = tryAt(text, tokens, i, spans);
            i = Math.max(next, i + 1);
        }
        if (text.indexOf('\n') >= 0) {
            lines.nameLines(text, tokens, spans);
        }
        chat.find(text, spans);
        if (text.indexOf(", ") >= 0) {
            lowerCaseComma.find(text, spans);
        }
        return spans;
    }

    /** One rule at token {@code i}: the index to continue from, or a negative number when it does not apply. */
    @FunctionalInterface
    private interface RuleAt {
        int at(String text, List<TextToken> tokens, int i, List<NameSpan> spans);
    }

    /** Returns the index to continue from: the first rule that applies decides, in the order of the two lists. */
    private int tryAt(String text, List<TextToken> tokens, int i, List<NameSpan> spans) {
        int next = firstThatApplies(atAnyToken, text, tokens, i, spans);
        if (next >= 0) {
            return next;
        }
        if (!tokens.get(i).isWord()) {
            return i + 1;
        }
        next = firstThatApplies(atWord, text, tokens, i, spans);
        return next < 0 ? i + 1 : next;
    }

    private static int firstThatApplies(RuleAt[] rules, String text, List<TextToken> tokens, int i,
                                        List<NameSpan> spans) {
        for (RuleAt rule : rules) {
            int next = rule.at(text, tokens, i, spans);
            if (next >= 0) {
                return next;
            }
        }
        return -1;
    }
}
