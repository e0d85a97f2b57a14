package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule layer for person names, run next to the statistical name finder. Covers what a small model misses; each
 * rule family is its own class and they are tried in this order at every token, the first that applies decides:
 * {@link TitleAndInitialRules}, {@link FamilyNameFirstRules}, {@link GivenNameRules} (capitalised),
 * {@link SurnameRules}, {@link GivenNameRules} (lower case), the same-line signature of {@link NameLineRules};
 * afterwards the name lines and the lower-case {@link ChatNameRules} and {@link IdentifierClosedNameRules}, the surname-comma runs of {@link CommaOrderRunRules} and the chat speakers of {@link SpeakerLineRules} and {@link HandleSpeakerRules}. Names inside street
 * and organisation names are rejected by {@link StreetOrganisationFilter}.
 */
final class PersonNameRules {

    private final TitleAndInitialRules titles;
    private final GivenNameRules givenNames;
    private final SurnameRules surnames;
    private final NameLineRules lines;
    private final FamilyNameFirstRules familyNameFirst = new FamilyNameFirstRules();
    private final ChatNameRules chat = new ChatNameRules();
    private final IdentifierClosedNameRules identifierClosed = new IdentifierClosedNameRules();
    private final LowerCaseCommaNameRules lowerCaseComma;
    private final SpeakerLineRules speakers;
    private final HandleSpeakerRules handles;

    PersonNameRules(NameGazetteer gazetteer) {
        NameParser parser = new NameParser(gazetteer);
        this.lowerCaseComma = new LowerCaseCommaNameRules(gazetteer);
        this.speakers = new SpeakerLineRules(gazetteer);
        this.handles = new HandleSpeakerRules(gazetteer);
        this.titles = new TitleAndInitialRules(parser);
        this.givenNames = new GivenNameRules(parser);
        this.surnames = new SurnameRules(parser);
        this.lines = new NameLineRules(parser);
    }

    List<NameSpan> find(String text, List<TextToken> tokens) {
        List<NameSpan> spans = new ArrayList<>();
        int comma = -1; // the first "," token after token i (tokens.size(): none); i only grows, so one pass in all
        int i = 0;
        while (i < tokens.size()) {
            if (comma <= i) {
                comma = firstComma(tokens, i + 1);
            }
            int next = tryAt(text, tokens, i, spans, comma);
            i = Math.max(next, i + 1);
        }
        if (text.indexOf('\n') >= 0) {
            lines.nameLines(text, tokens, spans);
        }
        if (text.indexOf(':') >= 0) {
            speakers.find(text, spans);
            handles.find(text, spans);
        }
        ChatNameRules.Capitals capitals = ChatNameRules.Capitals.of(text); // one pass for both lower-case families
        chat.find(text, capitals, spans);
        identifierClosed.find(text, capitals, spans);
        CommaOrderRunRules.find(text, spans);
        if (text.indexOf(", ") >= 0) {
            lowerCaseComma.find(text, spans);
        }
        return spans;
    }

    /**
     * The index of the first "," token at {@code from} or after, or the number of tokens. {@link SurnameRules#commaInitials}
     * only applies with a comma among the five tokens after the word; it looked for one at every word.
     */
    private static int firstComma(List<TextToken> tokens, int from) {
        for (int k = from; k < tokens.size(); k++) {
            TextToken t = tokens.get(k);
            if (t.kind() == TextToken.Kind.PUNCT && t.is(",")) {
                return k;
            }
        }
        return tokens.size();
    }

    /**
     * Returns the index to continue from: the first rule that applies (returns a non-negative index) decides, in this
     * order. Called directly, not through a list of method references: at every token a call through eleven
     * different targets was not inlined (that loop's own samples were ~4 % of the engine's in a JFR profile of a letter).
     */
    private int tryAt(String text, List<TextToken> tokens, int i, List<NameSpan> spans, int comma) {
        int next;
        if ((next = titles.title(text, tokens, i, spans)) >= 0
                || (next = titles.initials(text, tokens, i, spans)) >= 0) {
            return next;
        }
        if (!tokens.get(i).isWord()) {
            return i + 1;
        }
        if ((next = titles.relationInBrackets(text, tokens, i, spans)) >= 0
                || (next = titles.introduction(text, tokens, i, spans)) >= 0
                || comma <= i + 5 && (next = surnames.commaInitials(text, tokens, i, spans)) >= 0
                || (next = familyNameFirst.at(text, tokens, i, spans)) >= 0
                || (next = givenNames.capitalised(text, tokens, i, spans)) >= 0
                || (next = surnames.particleAndSurname(text, tokens, i, spans)) >= 0
                || (next = surnames.knownSurname(text, tokens, i, spans)) >= 0
                || (next = givenNames.lowerCase(text, tokens, i, spans)) >= 0
                || (next = lines.signature(text, tokens, i, spans)) >= 0) {
            return next;
        }
        return i + 1;
    }
}
