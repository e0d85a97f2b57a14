package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.detect.JobWords;
import nl.dijkwacht.pii.detect.NamedAfterPersonFilter;
import nl.dijkwacht.pii.detect.NamedThings;
import nl.dijkwacht.pii.detect.Recognizer;
import nl.dijkwacht.words.WordList;

/**
 * Person names: the OpenNLP name finder and the rule layer ({@link PersonNameRules}) together. Spans from both
 * are merged; spans from the model are vetted by the same street/organisation/function-word filters as the
 * rules, so "Jeroen Bosch Ziekenhuis" or a capitalised sentence opener is not reported as a person.
 */
public final class PersonNameRecognizer implements Recognizer {

    static final String MODEL = "model (OpenNLP)";
    /** "team Subsidies", "afdeling Vergunningen": a capitalised word after these names a unit, not a person. */
    private static final java.util.Set<String> TEAM_WORDS = WordList.set("/pii/names/unit-words.txt");
    private static final double SCORE = 0.85;

    private final PersonNameRules rules;
    private final NameGazetteer gazetteer;
    private final OpenNlpNameFinder model; // null: rules only

    PersonNameRecognizer(NameGazetteer gazetteer, OpenNlpNameFinder model) {
        this.rules = new PersonNameRules(gazetteer);
        this.gazetteer = gazetteer;
        this.model = model;
    }

    /** Slots of the name model's window cache unless told otherwise (the gateway's {@code dijkwacht.pii.name-window-cache}). */
    public static final int DEFAULT_WINDOW_CACHE = 16_384;

    /** Rules and the bundled model. */
    public static PersonNameRecognizer withModel() {
        return withModel(DEFAULT_WINDOW_CACHE);
    }

    /** Rules and the bundled model, whose decoded windows are kept in {@code windowCache} slots (0: none kept). */
    public static PersonNameRecognizer withModel(int windowCache) {
        return new PersonNameRecognizer(new NameGazetteer(), new OpenNlpNameFinder(0.6, windowCache));
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
        List<NameSpan> spans = new ArrayList<>(rules.find(text, tokens));
        LineStarts lines = null;
        if (model != null) {
            boolean labels = text.indexOf(':') >= 0;
            for (TokenRange s : model.find(text, tokens, covered(tokens, spans), this::mayAnchorName)) {
                NameSpan vetted = vet(text, tokens, s);
                if (vetted != null && labels) {
                    lines = lines == null ? new LineStarts(text) : lines;
                    if (SubjectLineFilter.subjectTopic(text, lines, vetted.start(), vetted.end(), gazetteer)) {
                        continue;
                    }
                }
                if (vetted != null) {
                    spans.add(vetted);
                }
            }
        }
        if (lines == null && !spans.isEmpty()) {
            lines = new LineStarts(text);
        }
        LineStarts lineStarts = lines;
        spans.removeIf(s -> PlaceAndTitleFilter.notAPerson(text, lineStarts.lineStart(s.start()),
                lineStarts.firstColonFrom(lineStarts.lineStart(s.start())), s.start(), s.end()));
        if (spans.isEmpty()) {
            return List.of();
        }
        CapitalsNameRules.widen(text, tokens, gazetteer, spans);
        ListItemNameRules.find(text, spans);
        ListSingleNameRules.find(text, spans, gazetteer);
        CommaOrderListRules.find(text, spans);
        TrailingParticles.widen(text, spans);
        TrailingInitial.widen(text, spans);
        CommaParticleOrder.widen(text, spans);
        spans.removeIf(s -> NamedThings.partOfNamedThing(text, s.start(), s.end())
                || NamedAfterPersonFilter.namesAThing(text, s.start(), s.end()));
        if (spans.isEmpty()) {
            return List.of();
        }
        spans.sort(Comparator.comparingInt(NameSpan::start).thenComparingInt(s -> -s.end()));
        List<Finding> out = new ArrayList<>();
        NameSpan first = spans.get(0);
        int curStart = first.start();
        int curEnd = first.end();
        Set<String> why = new LinkedHashSet<>();
        why.add(first.rule());
        for (int k = 1; k < spans.size(); k++) {
            NameSpan s = spans.get(k);
            if (s.start() < curEnd) {
                curEnd = Math.max(curEnd, s.end());
                why.add(s.rule());
            } else {
                out.add(new Finding(EntityType.PERSON, curStart, curEnd, SCORE, name(), String.join(" + ", why), ""));
                curStart = s.start();
                curEnd = s.end();
                why.clear();
                why.add(s.rule());
            }
        }
        out.add(new Finding(EntityType.PERSON, curStart, curEnd, SCORE, name(), String.join(" + ", why), ""));
        return out;
    }

    /** For each token: whether it lies inside a span the rules found (the model need not look at it again). */
    private static boolean[] covered(List<TextToken> tokens, List<NameSpan> spans) {
        boolean[] covered = new boolean[tokens.size()];
        if (spans.isEmpty()) {
            return covered;
        }
        List<NameSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(NameSpan::start));
        int si = 0;
        int reach = -1; // furthest end among spans starting at or before the token
        for (int k = 0; k < tokens.size(); k++) {
            TextToken t = tokens.get(k);
            while (si < sorted.size() && sorted.get(si).start() <= t.start()) {
                reach = Math.max(reach, sorted.get(si).end());
                si++;
            }
            covered[k] = t.end() <= reach;
        }
        return covered;
    }

    /**
     * Whether a model span holding this token could survive {@link #vet}: every span it keeps contains initials or
     * a {@link #namePart} word. The model is not run where no token passes (OpenNlpNameFinder), so vet must keep
     * this true when it changes.
     */
    boolean mayAnchorName(TextToken t) {
        return t.kind() == TextToken.Kind.INITIALS
                || (t.isWord() && !t.in(NameWords.PARTICLES) && namePart(t));
    }

    /** A capitalised word that can be part of a name: no function word, street, organisation or all-caps word. */
    private boolean namePart(TextToken t) {
        if (!t.capitalised()) {
            return false;
        }
        String lower = t.lower();
        return !NameWords.NOT_NAMES.contains(lower)
                && !StreetOrganisationFilter.isStreetOrOrganisation(lower)
                && !(StreetOrganisationFilter.hasNonNameEnding(lower) && !gazetteer.isSurname(lower)
                        && !gazetteer.isFirstName(lower))
                && t.length() >= 2 && !t.allCaps();
    }

    /** Drops or trims a model span: no function words, no street/organisation names, no titles inside. */
    NameSpan vet(String text, List<TextToken> tokens, TokenRange s) {
        int from = s.from();
        int to = s.to();
        // trim titles and punctuation at the front, particles at the end
        while (from < to && (!tokens.get(from).isWord() && tokens.get(from).kind() != TextToken.Kind.INITIALS
                || tokens.get(from).in(NameWords.TITLES))) {
            from++;
        }
        while (to > from && (!tokens.get(to - 1).isWord() || tokens.get(to - 1).in(NameWords.PARTICLES))) {
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
            if (t.isWord() && t.in(NameWords.PARTICLES)) {
                if (named >= 2 && !givenOnly) {
                    to = k;
                    break;
                }
                continue;
            }
            if (named >= 1 && t.kind() != TextToken.Kind.INITIALS && !gazetteer.isFirstName(tokens.get(k - 1))
                    && tokens.get(k - 1).kind() != TextToken.Kind.INITIALS) {
                givenOnly = false;
            }
            named++;
            if (named >= 2 && t.kind() != TextToken.Kind.INITIALS && !gazetteer.isFirstName(t)) {
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
            if (t.in(NameWords.PARTICLES)) {
                continue;
            }
            if (!namePart(t)) {
                return null; // also "Harm komt": a model span never runs into lower-case words
            }
            hasCapital = true;
            if (k > from && !TextToken.adjacent(text, tokens.get(k - 1), t)) {
                return null;
            }
        }
        if (!hasCapital) {
            return null;
        }
        if (to - from == 1 && (tokens.get(from).in(NameWords.AMBIGUOUS)
                || tokens.get(from).in(NameWords.LOWERCASE_WORDS))
                && !(from > 0 && tokens.get(from - 1).in(NameWords.TITLES))) {
            return null;
        }
        if (StreetOrganisationFilter.isOrganisationPrefix(tokens.get(from).lower())
                || (from > 0 && tokens.get(from - 1).in(TEAM_WORDS))
                || StreetOrganisationFilter.legalFormAt(tokens, to)
                || StreetOrganisationFilter.firmWith(text, tokens, from, to)
                || StreetOrganisationFilter.streetOrOrganisationFollows(text, tokens, to)
                || StreetOrganisationFilter.insideOrganisationName(text, tokens, from)) {
            return null;
        }
        if (JobWords.holdsJobWord(text, tokens.get(to - 1).start(), wordAfter(text, tokens, to))) {
            return null; // pii46: "Handhaver", "Senior [adviseur]": a function title ends it, not a name
        }
        if (to - from == 1) { // a given name alone; after "given name + surname" a particle starts something else
            to = withSurnameAfterParticles(text, tokens, to);
        }
        return new NameSpan(tokens.get(from).start(), tokens.get(to - 1).end(), to, MODEL);
    }

    /** The end of the word right after token {@code to} (the span's end when none follows on the line). */
    private static int wordAfter(String text, List<TextToken> tokens, int to) {
        if (to < tokens.size() && tokens.get(to).isWord() && TextToken.adjacent(text, tokens.get(to - 1), tokens.get(to))) {
            return tokens.get(to).end();
        }
        return tokens.get(to - 1).end();
    }

    /**
     * "Stefanie [Oude Luttikhuis]", "Maria [van den Heuvel]": the model often stops before the particles; a
     * capitalised surname right after them belongs to the name. Returns the new end token.
     */
    private static int withSurnameAfterParticles(String text, List<TextToken> tokens, int to) {
        int k = to;
        while (k < tokens.size() && k - to < 3 && tokens.get(k).isWord() && tokens.get(k).in(NameWords.PARTICLES)
                && TextToken.adjacent(text, tokens.get(k - 1), tokens.get(k))) {
            k++;
        }
        if (k == to || k >= tokens.size() || !TextToken.adjacent(text, tokens.get(k - 1), tokens.get(k))) {
            return to;
        }
        TextToken t = tokens.get(k);
        String lower = t.lower();
        if (!t.capitalised() || t.length() < 2 || t.allCaps() || NameWords.NOT_NAMES.contains(lower)
                || NameWords.PARTICLES.contains(lower) || StreetOrganisationFilter.isStreetOrOrganisation(lower)
                || StreetOrganisationFilter.hasNonNameEnding(lower) || StreetOrganisationFilter.legalFormAt(tokens, k + 1)
                || StreetOrganisationFilter.streetOrOrganisationFollows(text, tokens, k + 1)
                || !tokens.get(to).in(NameWords.LEADING_PARTICLES)) {
            return to;
        }
        return k + 1;
    }

    @Override
    public Description describe() {
        return new Description(EntityType.PERSON, "OpenNLP name finder + rules, see below",
                "span is the name without the title: `mevrouw [J.P. de Vries]`. Gazetteers: " + gazetteer.firstNameCount()
                        + " first names, " + gazetteer.surnameCount() + " surnames (`pii/names/`).");
    }
}
