package nl.dijkwacht.pii.detect;

import java.util.concurrent.atomic.LongAdder;

/**
 * How many characters some per-span look-ups of the name rules read ({@code CommaOrderListRules.commaIn},
 * {@link NamedThings#dotIn}, {@link NamedThings#lastHyphenAfter}), so that tests can check the work per span stays
 * local (lin27: each read on to the end or the start of the text, quadratic on long lists). Counted only when the JVM
 * runs with {@code -Ddijkwacht.pii.count-reads=true} (surefire's argLine sets it): otherwise {@link #ON} is a constant
 * false and the JIT drops the adds, so the request path pays nothing for them.
 */
public final class ReadCounts {

    public static final boolean ON = Boolean.getBoolean("dijkwacht.pii.count-reads");

    public static final LongAdder COMMA = new LongAdder();
    public static final LongAdder DOT = new LongAdder();
    public static final LongAdder HYPHEN = new LongAdder();
    /**
     * pii28: a field value's ';' ({@code PersonFieldValues}), a space in a person span ({@code PlaceAndTitleFilter}) and
     * the walk back to a line start before a capitalised word ({@code NamedThings.placeOfAnAddress}) — each read on to
     * the text's end or back to its start before.
     */
    public static final LongAdder SPAN = new LongAdder();

    private ReadCounts() {
    }

    public static void add(LongAdder counter, int characters) {
        if (ON) {
            counter.add(Math.max(0, characters));
        }
    }
}
