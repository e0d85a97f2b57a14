package nl.dijkwacht.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.openai.TextSlot;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.anonymize.AnonymizedText;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pii.anonymize.PlaceholderVault;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.detect.Finding;

/**
 * Personal data split over consecutive text parts of one message ({@code "Mijn BSN is 111222"} + {@code "333"}): a model
 * reads the parts of a message as one text, so after each part has been scanned on its own the parts are scanned
 * joined as well. A value found across a boundary gets the operator's replacement where it starts and is removed from
 * the parts it runs into, so the placeholder stands for the whole value (and is restored as the whole value).
 */
final class SplitAcrossParts {

    private static final Pattern TEXT_PART = Pattern.compile("(messages\\[\\d+])\\.content\\[\\d+]\\.text");

    /** What the pass changed: entity counts and blocked types, like {@link AnonymizedText}. */
    record Result(boolean changed, Map<EntityType, Integer> counts, Set<EntityType> blocked) {
    }

    private final PiiEngine detector;
    private final Anonymizer anonymizer;

    SplitAcrossParts(PiiEngine detector, Anonymizer anonymizer) {
        this.detector = detector;
        this.anonymizer = anonymizer;
    }

    Result apply(List<TextSlot> texts, OperatorPolicy policy, PlaceholderVault vault) {
        Map<String, List<TextSlot>> byMessage = new LinkedHashMap<>();
        for (TextSlot slot : texts) {
            if (!slot.path().endsWith(".text")) {
                continue; // "messages[1].content": a message of one part (the pattern ends in ".text"; regex20)
            }
            Matcher m = TEXT_PART.matcher(slot.path());
            if (m.matches()) {
                byMessage.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(slot);
            }
        }
        boolean changed = false;
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        Set<EntityType> blocked = EnumSet.noneOf(EntityType.class);
        for (List<TextSlot> parts : byMessage.values()) {
            if (parts.size() > 1) {
                changed |= message(parts, policy, vault, counts, blocked);
            }
        }
        return new Result(changed, counts, blocked);
    }

    private boolean message(List<TextSlot> slots, OperatorPolicy policy, PlaceholderVault vault,
                            Map<EntityType, Integer> counts, Set<EntityType> blocked) {
        List<String> parts = new ArrayList<>();
        int[] starts = new int[slots.size() + 1];
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < slots.size(); i++) {
            starts[i] = joined.length();
            parts.add(slots.get(i).get());
            joined.append(parts.get(i));
        }
        starts[slots.size()] = joined.length();
        List<Finding> across = new ArrayList<>();
        for (Finding f : detector.detect(joined.toString())) {
            // the findings come sorted and apart, so only the last one kept can overlap (slow27: a scan of all of them)
            if (part(starts, f.start()) != part(starts, f.end() - 1)
                    && (across.isEmpty() || !across.getLast().overlaps(f))) {
                across.add(f);
            }
        }
        if (across.isEmpty()) {
            return false;
        }
        // from the last value to the first, so the offsets of the earlier ones stay valid
        across.sort(Comparator.comparingInt(Finding::start).reversed());
        boolean changed = false;
        for (Finding f : across) {
            String value = joined.substring(f.start(), f.end());
            AnonymizedText replaced = anonymizer.apply(value, List.of(f.at(0, value.length())), policy, vault);
            replaced.counts().forEach((type, n) -> counts.merge(type, n, Integer::sum));
            blocked.addAll(replaced.blockedTypes());
            if (!replaced.changed(value)) {
                continue;
            }
            int first = part(starts, f.start());
            int last = part(starts, f.end() - 1);
            String head = parts.get(first).substring(0, f.start() - starts[first]);
            parts.set(first, head + replaced.text());
            for (int i = first + 1; i < last; i++) {
                parts.set(i, "");
            }
            parts.set(last, parts.get(last).substring(f.end() - starts[last]));
            changed = true;
        }
        for (int i = 0; i < slots.size(); i++) {
            if (!parts.get(i).equals(slots.get(i).get())) {
                slots.get(i).set(parts.get(i));
            }
        }
        return changed;
    }

    /**
     * The part an offset of the joined text falls in: the last part that starts at or before it, by binary search (slow27: a walk from the first part, quadratic for a message of many parts).
     */
    static int part(int[] starts, int offset) {
        int lo = 0;
        int hi = starts.length - 2; // starts[length - 1] is the end, no part
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
