package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The declarative recognizer: a new identifier type is data — patterns, a context word list, an optional checksum,
 * an optional veto and scores — given to {@link #builder}. For each pattern match (group 1 is the value): the
 * checksum must pass, the nearest context cue ({@link ContextEnhancer}) picks the score (positive, none, negative),
 * a veto may still drop the candidate, and it is reported when the score reaches the threshold. Every finding
 * carries the pattern's label and the deciding cue as its explanation.
 */
public final class PatternRecognizer implements AnalysedTextRecognizer {

    /** Where a match can start: the scan tries the pattern only there ({@link CandidateScan}). */
    public enum Start {
        /** The first digit of a run of digits. */
        DIGIT_RUN,
        /** The first letter or digit of a word or number. */
        TOKEN,
        /**
         * The first digit of a run of one to five digits followed by {@code .}, {@code -} or a space and a digit: where
         * a number grouped by separators ({@code 1234.567.82}) can start. A table is mostly digit runs, and a pattern
         * that needs a separator after its first group is then not tried at every cell.
         */
        GROUPED_DIGIT_RUN;

        int[] in(AnalysedText text) {
            return switch (this) {
                case DIGIT_RUN -> text.digitRunStarts();
                case TOKEN -> text.tokenStarts();
                case GROUPED_DIGIT_RUN -> text.groupedDigitRunStarts();
            };
        }
    }

    /** A candidate that passed its checksum, with the cue that decided its score, offered to a {@link Veto}. */
    public record Candidate(String value, String lower, int start, int end, ContextEnhancer.Cue cue,
            TextStructure structure) {

        /** Whether the candidate is a cell of a table row (its neighbours on the line are other columns of one record). */
        public boolean inTableRow() {
            TextStructure.Field f = structure == null || structure.isEmpty() ? null : structure.fieldAt(start, end);
            return f != null && f.kind() == TextStructure.Kind.TABLE;
        }
    }

    /** The invalidate hook: true drops the candidate ("123.456.782 is an amount unless labelled BSN"). */
    @FunctionalInterface
    public interface Veto {
        boolean vetoes(Candidate candidate);
    }

    /** {@code runLengths}: 0, or the lengths a digit run must have for the pattern to start at it (see the builder). */
    record Rule(String label, Pattern pattern, Start start, ContextEnhancer context, long runLengths) {

        int[] starts(AnalysedText analysed) {
            return runLengths == 0 ? start.in(analysed)
                    : CandidateScan.digitRuns(analysed.text(), analysed.digitRunStarts(), runLengths);
        }
    }

    private final String name;
    private final EntityType type;
    private final List<Rule> rules;
    private final ChecksumValidator checksum;
    private final Veto veto;
    private final String vetoNote;
    private final double positive;
    private final double none;
    private final double negative;
    private final double threshold;
    private final boolean onlyWhenMentioned;
    private final List<String> requiredWords;
    private final String note;

    private PatternRecognizer(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.rules = List.copyOf(b.rules);
        this.checksum = b.checksum;
        this.veto = b.veto;
        this.vetoNote = b.vetoNote;
        this.positive = b.positive;
        this.none = b.none;
        this.negative = b.negative;
        this.threshold = b.threshold;
        this.onlyWhenMentioned = b.onlyWhenMentioned;
        this.requiredWords = List.copyOf(b.requiredWords);
        this.note = b.note;
        if (rules.isEmpty()) {
            throw new PiiEngineException("recognizer " + name + " has no pattern");
        }
    }

    public static Builder builder(String name, EntityType type) {
        return new Builder(name, type);
    }

    @Override
    public String name() {
        return name;
    }

    /** Its patterns in order (for tests of where they are tried). */
    List<Rule> rules() {
        return rules;
    }

    /** The labels of its patterns, as its findings carry them ({@link Finding#pattern()}). */
    public List<String> labels() {
        return rules.stream().map(Rule::label).toList();
    }

    @Override
    public List<Finding> find(AnalysedText analysed) {
        List<Finding> found = null;
        String text = analysed.text();
        TextStructure structure = analysed.structure();
        if (!requiredWords.isEmpty() && !containsAny(analysed, requiredWords)) {
            return List.of();
        }
        String lower = onlyWhenMentioned ? analysed.lower() : null;
        for (Rule rule : rules) {
            if (onlyWhenMentioned && (rule.context == null || !rule.context.mentionedAnywhere(analysed))) {
                continue;
            }
            for (MatchResult m : CandidateScan.matches(rule.pattern, text, rule.starts(analysed))) {
                String value = m.group(1);
                if (checksum != null && checksum.validate(value) != ChecksumValidator.Validity.VALID) {
                    continue;
                }
                int s = m.start(1);
                int e = m.end(1);
                ContextEnhancer.Cue cue = ContextEnhancer.Cue.NONE;
                if (rule.context != null) {
                    if (lower == null) {
                        lower = analysed.lower();
                    }
                    cue = rule.context.cue(lower, s, e, structure, analysed.spacedColumns());
                }
                if (veto != null && lower == null) {
                    lower = analysed.lower();
                }
                if (veto != null && veto.vetoes(new Candidate(value, lower, s, e, cue, structure))) {
                    continue;
                }
                double score = switch (cue.signal()) {
                    case POSITIVE -> positive;
                    case NEGATIVE -> negative;
                    case NONE -> none;
                };
                if (score >= threshold) {
                    if (found == null) {
                        found = new ArrayList<>(4);
                    }
                    found.add(new Finding(type, s, e, score, name, rule.label, cue.describe()));
                }
            }
        }
        return found == null ? List.of() : found;
    }

    @Override
    public Description describe() {
        StringBuilder how = new StringBuilder();
        for (Rule r : rules) {
            how.append(how.isEmpty() ? "" : "; ").append(r.label);
        }
        if (checksum != null) {
            how.append("; checksum: ").append(checksum.name());
        }
        StringBuilder decisions = new StringBuilder();
        if (!note.isEmpty()) {
            decisions.append(note).append(' ');
        }
        List<ContextEnhancer> shown = new ArrayList<>();
        for (Rule r : rules) {
            if (r.context != null && !shown.contains(r.context)) {
                shown.add(r.context);
                decisions.append("Context: ").append(r.context.describe()).append(". ");
            }
        }
        decisions.append(String.format(Locale.ROOT, "Score %.2f with a positive cue, %.2f without, %.2f with a "
                + "negative cue; reported from %.2f.", positive, none, negative, threshold));
        if (onlyWhenMentioned) {
            decisions.append(" Not looked for unless a positive cue word occurs in the text.");
        }
        if (!requiredWords.isEmpty()) {
            decisions.append(" Not looked for unless the text contains `").append(String.join("` or `", requiredWords))
                    .append("`.");
        }
        if (!vetoNote.isEmpty()) {
            decisions.append(" Veto: ").append(vetoNote);
        }
        return new Description(type, how.toString(), decisions.toString());
    }

    private static boolean containsAny(AnalysedText text, List<String> words) {
        for (String w : words) {
            if (text.mayContain(w) && text.lower().contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static final String NOT_AFTER_LETTER_OR_DIGIT = "(?<![\\p{L}\\d";

    public static final class Builder {
        private final String name;
        private final EntityType type;
        private final List<Rule> rules = new ArrayList<>();
        private ContextEnhancer context;
        private ChecksumValidator checksum;
        private Veto veto;
        private String vetoNote = "";
        private double positive = 0.9;
        private double none = 0.0;
        private double negative = 0.0;
        private double threshold = 0.5;
        private boolean onlyWhenMentioned;
        private final List<String> requiredWords = new ArrayList<>();
        private String note = "";

        private Builder(String name, EntityType type) {
            this.name = name;
            this.type = type;
        }

        /** The context for the patterns that follow. */
        public Builder context(ContextEnhancer context) {
            this.context = context;
            return this;
        }

        /** A pattern whose group 1 is the value; {@code label} names it in explanations and the docs. */
        public Builder pattern(String label, String regex, Start start) {
            rules.add(new Rule(label, Pattern.compile(regex), start, context, 0));
            return this;
        }

        /**
         * A pattern tried at a run of digits only when the run has one of {@code runLengths} digits and no letter
         * stands before it (regex20: most digit runs of a text are dates, amounts and house numbers that the pattern
         * rejects only after trying each of its alternatives). The pattern must open with the look-behind
         * {@code (?<![\p{L}\d} and its first group of digits be exactly one of these lengths in every alternative (the
         * run is followed by a non-digit); {@code PatternRunLengthsTest} checks that no match is lost.
         */
        public Builder pattern(String label, String regex, int... runLengths) {
            if (!regex.startsWith(NOT_AFTER_LETTER_OR_DIGIT) || runLengths.length == 0) {
                throw new PiiEngineException("recognizer " + name + ": a pattern tried at runs of given lengths must"
                        + " open with " + NOT_AFTER_LETTER_OR_DIGIT);
            }
            long mask = 0;
            for (int len : runLengths) {
                if (len < 1 || len > 62) {
                    throw new PiiEngineException("recognizer " + name + ": digit run length " + len);
                }
                mask |= 1L << len;
            }
            rules.add(new Rule(label, Pattern.compile(regex), Start.DIGIT_RUN, context, mask));
            return this;
        }

        public Builder checksum(ChecksumValidator checksum) {
            this.checksum = checksum;
            return this;
        }

        public Builder veto(String note, Veto veto) {
            this.vetoNote = note;
            this.veto = veto;
            return this;
        }

        /** Scores with a positive cue, without a cue and with a negative cue. */
        public Builder scores(double positive, double none, double negative) {
            this.positive = positive;
            this.none = none;
            this.negative = negative;
            return this;
        }

        public Builder threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /** Skip the text unless a positive cue word occurs somewhere (a cheap gate). */
        public Builder onlyWhenMentioned() {
            this.onlyWhenMentioned = true;
            return this;
        }

        /**
         * Skip the text unless one of these lower-case words occurs in it (a cheap gate for a pattern that would
         * otherwise be tried at every word, such as a date written in words).
         */
        public Builder onlyWhenTextContains(String... words) {
            this.requiredWords.addAll(List.of(words));
            return this;
        }

        /** A decision worth knowing, for the docs. */
        public Builder note(String note) {
            this.note = note;
            return this;
        }

        public PatternRecognizer build() {
            return new PatternRecognizer(this);
        }
    }
}
