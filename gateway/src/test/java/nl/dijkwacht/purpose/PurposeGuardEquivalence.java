package nl.dijkwacht.purpose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether two builds of the purpose guard ({@link PurposeGuardBuild}) give the same judgements — verdict, purpose,
 * layer, score and special-category term, the whole {@code Judgement} — on: every prompt of the development parts of
 * the evaluation set (dev … heldout16; the unseen parts are the lead's) alone, after the harness's system prompt, and after
 * the prompt before it (two messages: what runs over the line break); every string literal of the test sources; the
 * harness's request and each turn of the five-turn conversation. One guard per build, asked in the same order, so its
 * table of repeated messages sees the same traffic. Prints the count and the first differences (at most
 * {@code -Dshow}, default 20). From the repository root:
 * <pre>
 * java -Xmx1g -cp "gateway/target/test-classes:gateway/target/classes:$(cat test-classpath.txt)" \
 *     nl.dijkwacht.purpose.PurposeGuardEquivalence main=../main-classes new=gateway/target/classes
 * </pre>
 */
public final class PurposeGuardEquivalence {

    private PurposeGuardEquivalence() {
    }

    static List<List<String>> cases() throws java.io.IOException {
        List<List<String>> cases = new ArrayList<>();
        List<String> harness = PurposeGuardBuild.harnessRequest();
        cases.add(harness);
        cases.addAll(PurposeGuardBuild.conversationTurns());
        String system = harness.getFirst();
        for (String part : PurposeEvaluation.DEVELOPMENT.stream().sorted().toList()) {
            String previous = null;
            for (EvalSet.Prompt p : EvalSet.load(part).prompts()) {
                cases.add(List.of(p.text()));
                cases.add(List.of(system, p.text()));
                if (previous != null) {
                    cases.add(List.of(previous, p.text()));
                }
                previous = p.text();
            }
        }
        for (String literal : testLiterals()) {
            cases.add(List.of(literal));
        }
        return cases;
    }

    /** The string literals of the test sources (at least 8 characters), as {@code PurposeEvaluation.literals} reads them. */
    private static Set<String> testLiterals() throws java.io.IOException {
        Path tests = Files.isDirectory(Path.of("gateway")) ? Path.of("gateway/src/test/java") : Path.of("src/test/java");
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\\n]|\\\\.){8,})\"");
        Set<String> texts = new TreeSet<>();
        try (var files = Files.walk(tests)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    texts.add(m.group(1).replace("\\n", "\n").replace("\\\"", "\""));
                }
            }
        }
        return texts;
    }

    public static void main(String[] args) throws Exception {
        ClassLoader libraries = PurposeGuardBuild.libraries();
        List<PurposeGuardBuild> builds = new ArrayList<>();
        for (String arg : args) {
            builds.add(PurposeGuardBuild.load(arg, libraries));
        }
        int show = Integer.getInteger("show", 20);
        List<List<String>> cases = cases();
        int differ = 0;
        java.util.Map<String, Integer> verdicts = new java.util.TreeMap<>();
        for (List<String> texts : cases) {
            String first = null;
            boolean same = true;
            List<String> all = new ArrayList<>();
            for (PurposeGuardBuild build : builds) {
                String j = String.valueOf(build.judge(texts));
                all.add(build.name + ": " + j);
                if (first == null) {
                    first = j;
                    verdicts.merge(j.replaceAll(".*verdict=([A-Z_]+).*layer=([A-Z_]+).*", "$1/$2"), 1, Integer::sum);
                } else {
                    same &= Objects.equals(first, j);
                }
            }
            if (!same) {
                differ++;
                if (differ <= show) {
                    System.out.println("DIFFERS " + all + " | " + String.join(" ⏎ ", texts).replace('\n', ' '));
                }
            }
        }
        System.out.printf("%d cases (%d messages at most), %d differ; %s judgements by verdict/layer: %s%n", cases.size(),
                cases.stream().mapToInt(List::size).max().orElse(0), differ, builds.getFirst().name, verdicts);
    }
}
