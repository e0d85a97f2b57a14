package nl.dijkwacht.policy;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import nl.dijkwacht.words.LiteralsInText;

/**
 * The policy's forbidden purposes, in its order, with one index over the required literals of all their patterns
 * ({@link RequiredLiterals}): {@link #matching} finds in one pass over the folded text which patterns can match, where
 * {@link ForbiddenPurpose#matches(String, String)} tries each pattern's literals with {@code contains} (issue 15). Built
 * with the policy, so a reload builds a new one; {@link #guarding} gives a use-case's rules with the same index. A
 * caller that looks for literals of its own in the same text can look for the policy's ({@link #literalSets}) in the
 * same pass ({@link #matching(String, long[], int)}). Immutable.
 */
public final class ForbiddenPurposes extends AbstractList<ForbiddenPurpose> implements RandomAccess {

    /**
     * The literal sets of all the policy's patterns, rule by rule, group by group, pattern by pattern (a pattern without
     * known literals has an empty set, never looked at: it always runs), and their automaton. One per policy load,
     * shared by the use-cases' selections: a caller may key what it derives from them on this object.
     */
    public static final class LiteralSets {

        private final List<List<String>> sets;
        private final LiteralsInText automaton;

        private LiteralSets(List<List<String>> sets) {
            this.sets = List.copyOf(sets);
            this.automaton = LiteralsInText.of(this.sets);
        }

        /** The folded literals of set {@code s} (bit {@code s} of {@link LiteralsInText#in}). */
        public List<List<String>> sets() {
            return sets;
        }
    }

    private final List<ForbiddenPurpose> rules;
    private final LiteralSets literals;
    /** Per rule of {@link #rules}: the literal set of its first pattern; the rest follow group by group, pattern by pattern. */
    private final int[] firstSet;

    private ForbiddenPurposes(List<ForbiddenPurpose> rules, LiteralSets literals, int[] firstSet) {
        this.rules = rules;
        this.literals = literals;
        this.firstSet = firstSet;
    }

    /** The rules with their index ({@code rules} itself when it is one). */
    public static ForbiddenPurposes of(List<ForbiddenPurpose> rules) {
        if (rules instanceof ForbiddenPurposes indexed) {
            return indexed;
        }
        List<ForbiddenPurpose> copy = List.copyOf(rules);
        List<List<String>> sets = new ArrayList<>();
        int[] firstSet = new int[copy.size()];
        for (int r = 0; r < copy.size(); r++) {
            firstSet[r] = sets.size();
            for (List<List<String>> group : copy.get(r).required()) {
                for (List<String> required : group) {
                    sets.add(required == null ? List.of() : required);
                }
            }
        }
        return new ForbiddenPurposes(copy, new LiteralSets(sets), firstSet);
    }

    /** The literal sets of the policy's index (the same object for every selection of one policy). */
    public LiteralSets literalSets() {
        return literals;
    }

    /** The rules that guard {@code useCase} ({@link ForbiddenPurpose#guards}), in the policy's order, with this index. */
    public ForbiddenPurposes guarding(UseCasePolicy useCase) {
        List<ForbiddenPurpose> some = new ArrayList<>(rules.size());
        int[] first = new int[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            if (rules.get(r).guards(useCase)) {
                first[some.size()] = firstSet[r];
                some.add(rules.get(r));
            }
        }
        return some.size() == rules.size() ? this
                : new ForbiddenPurposes(List.copyOf(some), literals, Arrays.copyOf(first, some.size()));
    }

    /**
     * Which rules match {@code text}: bit {@code i} set when {@code get(i).matches(text, folded)} (at most 64 rules).
     *
     * @param folded {@link ForbiddenPurpose#fold fold(text)}
     */
    public long matching(String text, String folded) {
        if (text == null || text.isEmpty() || rules.isEmpty()) {
            return 0;
        }
        return matching(text, literals.automaton.in(folded), 0);
    }

    /**
     * {@link #matching(String, String)} with the literals already looked for: {@code found} is the answer of an automaton
     * ({@link LiteralsInText#in}) on {@link ForbiddenPurpose#fold fold(text)} in which set {@code s} of
     * {@link #literalSets} is set {@code from + s}.
     */
    public long matching(String text, long[] found, int from) {
        if (rules.size() > Long.SIZE) {
            throw new IllegalStateException("more than 64 rules");
        }
        if (text == null || text.isEmpty()) {
            return 0;
        }
        long hits = 0;
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).matches(text, found, from + firstSet[i])) {
                hits |= 1L << i;
            }
        }
        return hits;
    }

    /** {@link LiteralsInText#in} of the index on {@code folded} (for tests). */
    long[] literalsIn(String folded) {
        return literals.automaton.in(folded);
    }

    /** The literal set of pattern {@code pattern} of group {@code group} of rule {@code rule} (for tests). */
    int setOf(int rule, int group, int pattern) {
        int set = firstSet[rule];
        for (int g = 0; g < group; g++) {
            set += rules.get(rule).required().get(g).size();
        }
        return set + pattern;
    }

    @Override
    public ForbiddenPurpose get(int index) {
        return rules.get(index);
    }

    @Override
    public int size() {
        return rules.size();
    }
}
