package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.detect.Recognizer;

/**
 * Person names: the OpenNLP name finder and the rule layer ({@link PersonNameRules}) together. Spans from both
 * are merged; spans from the model are vetted by the same street/organisation/function-word filters as the
 * rules, so "Jeroen Bosch Ziekenhuis" or a capitalised sentence opener is not reported as a person.
 */
public final class PersonNameRecognizer implements Recognizer {

    private final PersonNameRules rules;
    private final NameGazetteer gazetteer;
    private final OpenNlpNameFinder model; // null: rules only

    PersonNameRecognizer(NameGazetteer gazetteer, OpenNlpNameFinder model) {
        this.rules = new PersonNameRules(gazetteer);
        this.gazetteer = gazetteer;
        this.model = model;
    }

    /** Rules and the bundled model. */
    public static PersonNameRecognizer withModel() {
        return new PersonNameRecognizer(new NameGazetteer(), new OpenNlpNameFinder(0.6));
    }

    /** Rules only (no statistical model). */
    public static PersonNameRecognizer rulesOnly() {
        return new PersonNameRecognizer(new NameGazetteer(), null);
    }

    @Override
    public String name() {
        return model == null ? "person-rules" : "person";
    }

    @Override
    public List<Finding> find(String text) {
        List<TextToken> tokens = TextToken.tokenize(text);
        List<int[]> spans = new ArrayList<>(rules.find(text, tokens));
        int fromRules = spans.size();
        if (model != null) {
            boolean[] covered = new boolean[tokens.size()];
            if (!spans.isEmpty()) {
                List<int[]> sorted = new ArrayList<>(spans);
                sorted.sort(Comparator.comparingInt((int[] s) -> s[0]));
                int si = 0;
                int reach = -1; // furthest end among spans starting at or before the token
                for (int k = 0; k < tokens.size(); k++) {
                    TextToken t = tokens.get(k);
                    while (si < sorted.size() && sorted.get(si)[0] <= t.start()) {
                        reach = Math.max(reach, sorted.get(si)[1]);
                        si++;
                    }
                    covered[k] = t.end() <= reach;
                }
            }
            for (int[] s : model.find(text, tokens, covered)) {
                int[] vetted = vet(text, tokens, s);
                if (vetted != null) {
                    spans.add(vetted);
                }
            }
        }
        if (spans.isEmpty()) {
            return List.of();
        }
        spans.sort(Comparator.comparingInt((int[] s) -> s[0]).thenComparingInt(s -> -s[1]));
        List<Finding> out = new ArrayList<>();
        int curStart = spans.get(0)[0];
        int curEnd = spans.get(0)[1];
        for (int k = 1; k < spans.size(); k++) {
            int[] s = spans.get(k);
            if (s[0] < curEnd) {
                curEnd = Math.max(curEnd, s[1]);
            } else {
                out.add(new Finding(EntityType.PERSON, curStart, curEnd, 0.85, name()));
                curStart = s[0];
                curEnd = s[1];
            }
        }
        out.add(new Finding(EntityType.PERSON, curStart, curEnd, 0.85, name()));
        assert fromRules >= 0;
        return out;
    }

    /** Drops or trims a model span: no function words, no street/organisation names, no titles inside. */
    private int[] vet(String text, List<TextToken> tokens, int[] s) {
        int from = s[2];
        int to = s[3];
        // trim titles and punctuation at the front, particles at the end
        while (from < to && (!tokens.get(from).isWord() && tokens.get(from).kind() != TextToken.Kind.INITIALS
                || NameGazetteer.TITLES.contains(tokens.get(from).lower()))) {
            from++;
        }
        while (to > from && (!tokens.get(to - 1).isWord() || NameGazetteer.PARTICLES.contains(tokens.get(to - 1).lower()))) {
            to--;
        }
        if (from >= to) {
            return null;
        }
        // "Liesbeth Kamphuis van Dimence": after given name + surname, a particle starts something else
        int named = 0;
        boolean givenOnly = true;
        for (int k = from; k < to; k++) {
            TextToken t = tokens.get(k);
            if (t.isWord() && NameGazetteer.PARTICLES.contains(t.lower())) {
                if (named >= 2 && !givenOnly) {
                    to = k;
                    break;
                }
                continue;
            }
            if (named >= 1 && t.kind() != TextToken.Kind.INITIALS && !gazetteer.isFirstName(tokens.get(k - 1).lower())
                    && tokens.get(k - 1).kind() != TextToken.Kind.INITIALS) {
                givenOnly = false;
            }
            named++;
            if (named >= 2 && t.kind() != TextToken.Kind.INITIALS && !gazetteer.isFirstName(t.lower())) {
                givenOnly = false;
            }
        }
        boolean hasCapital = false;
        for (int k = from; k < to; k++) {
            TextToken t = tokens.get(k);
            if (t.kind() == TextToken.Kind.INITIALS) {
                hasCapital = true;
                continue;
            }
            if (!t.isWord()) {
                return null;
            }
            String lower = t.lower();
            if (NameGazetteer.PARTICLES.contains(lower)) {
                continue;
            }
            if (NameGazetteer.NOT_NAMES.contains(lower) || NameGazetteer.isStreetOrOrganisation(lower)
                    || (NameGazetteer.hasNonNameEnding(lower) && !gazetteer.isSurname(lower) && !gazetteer.isFirstName(lower))
                    || t.text().length() < 2 || isAllCaps(t.text())) {
                return null;
            }
            if (t.capitalised()) {
                hasCapital = true;
            } else {
                return null; // "Harm komt": a model span never runs into lower-case words
            }
            if (k > from && !TextToken.adjacent(text, tokens.get(k - 1), t)) {
                return null;
            }
        }
        if (!hasCapital) {
            return null;
        }
        if (to - from == 1 && (PersonNameRules.AMBIGUOUS.contains(tokens.get(from).lower())
                || PersonNameRules.LOWERCASE_WORDS.contains(tokens.get(from).lower()))
                && !(from > 0 && NameGazetteer.TITLES.contains(tokens.get(from - 1).lower()))) {
            return null;
        }
        if (to < tokens.size() && PersonNameRules.LEGAL_FORMS.contains(tokens.get(to).lower())
                ) {
            return null;
        }
        int look = to;
        while (look < tokens.size() && tokens.get(look).isWord()
                && TextToken.adjacent(text, tokens.get(look - 1), tokens.get(look))) {
            String after = tokens.get(look).lower();
            if (NameGazetteer.isStreetOrOrganisation(after)) {
                return null;
            }
            if (!NameGazetteer.PARTICLES.contains(after)) {
                break;
            }
            look++;
        }
        if (to < tokens.size() && tokens.get(to).isWord() && TextToken.adjacent(text, tokens.get(to - 1), tokens.get(to))
                && NameGazetteer.isStreetOrOrganisation(tokens.get(to).lower())) {
            return null;
        }
        return new int[] {tokens.get(from).start(), tokens.get(to - 1).end()};
    }

    private static boolean isAllCaps(String s) {
        return s.length() > 1 && s.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c));
    }
}
