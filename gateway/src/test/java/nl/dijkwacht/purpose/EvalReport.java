package nl.dijkwacht.purpose;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import nl.dijkwacht.purpose.EvalSet.Label;

/** Confusion table and per-class precision / recall of one guard on one evaluation part. */
final class EvalReport {

    final String guard;
    final EvalSet set;
    final Map<Label, Map<Verdict, Integer>> confusion = new EnumMap<>(Label.class);
    /** class/detail → {right, total} */
    final Map<String, int[]> byDetail = new java.util.TreeMap<>();

    EvalReport(String guard, EvalSet set, Function<String, Verdict> judge) {
        this.guard = guard;
        this.set = set;
        for (Label l : Label.values()) {
            Map<Verdict, Integer> row = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) {
                row.put(v, 0);
            }
            confusion.put(l, row);
        }
        for (EvalSet.Prompt p : set.prompts()) {
            Verdict v = judge.apply(p.text());
            confusion.get(p.label()).merge(v, 1, Integer::sum);
            int[] d = byDetail.computeIfAbsent(p.label().tsvName + " / " + p.detail(), k -> new int[2]);
            d[0] += v == p.label().expected ? 1 : 0;
            d[1]++;
        }
    }

    int total(Label l) {
        return confusion.get(l).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Share of the class's prompts that got the verdict the class should get. */
    double recall(Label l) {
        int n = total(l);
        return n == 0 ? 1.0 : (double) confusion.get(l).get(l.expected) / n;
    }

    /** Share of prompts given this class's verdict that belong to a class expecting it (ALLOWED: near-miss + generic). */
    double precision(Label l) {
        int predicted = 0;
        int right = 0;
        for (Label other : Label.values()) {
            int n = confusion.get(other).get(l.expected);
            predicted += n;
            if (other.expected == l.expected) {
                right += n;
            }
        }
        return predicted == 0 ? 1.0 : (double) right / predicted;
    }

    /** Near-miss and generic prompts that were refused (for either reason). */
    double falseRefusals(Label l) {
        return 1.0 - confusion.get(l).get(Verdict.ALLOWED) / (double) Math.max(1, total(l));
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("guard `").append(guard).append("`, set `").append(set.name()).append("` (")
                .append(set.prompts().size()).append(" prompts)\n\n");
        out.append("| class | n | precision | recall | refused |\n|---|---:|---:|---:|---:|\n");
        for (Label l : Label.values()) {
            out.append(String.format("| %s | %d | %.2f | %.2f | %.1f %% |%n", l.tsvName, total(l), precision(l), recall(l),
                    100 * falseRefusals(l)));
        }
        out.append("\nconfusion (rows: true class, columns: verdict)\n\n| | forbidden purpose | personal special-category | allowed |\n|---|---:|---:|---:|\n");
        for (Label l : Label.values()) {
            Map<Verdict, Integer> row = confusion.get(l);
            out.append(String.format("| %s | %d | %d | %d |%n", l.tsvName, row.get(Verdict.FORBIDDEN_PURPOSE),
                    row.get(Verdict.PERSONAL_SPECIAL_CATEGORY), row.get(Verdict.ALLOWED)));
        }
        out.append("\nright per class / detail: ");
        byDetail.forEach((k, d) -> out.append(k).append(' ').append(d[0]).append('/').append(d[1]).append("; "));
        out.append("\n");
        out.append("\n(precision of near-miss and generic-special is that of the verdict 'allowed', shared by both; "
                + "'refused' = share refused for either reason)\n");
        return out.toString();
    }
}
