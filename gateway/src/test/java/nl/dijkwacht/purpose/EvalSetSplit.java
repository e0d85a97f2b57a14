package nl.dijkwacht.purpose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Splits the hand-written purpose-guard evaluation prompts once into a development part (three quarters) and a
 * held-out part (one quarter) that is not looked at while tuning. Shuffle with {@code new Random(20261201)} over
 * the concatenated input files in the order given; the first quarter is held out. Run once, before any tuning:
 * <pre>
 * ./mvnw -q -B -pl gateway test-compile
 * $JAVA_HOME_25/bin/java -cp gateway/target/test-classes -Dsplit.out=gateway/src/test/resources/purpose \
 *     -Dsplit.in=forbidden.tsv,nearmiss.tsv,personal.tsv,generic.tsv nl.dijkwacht.purpose.EvalSetSplit
 * </pre>
 */
public final class EvalSetSplit {

    static final long SEED = 20261201L;

    private EvalSetSplit() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(System.getProperty("split.out"));
        List<String> lines = new ArrayList<>();
        for (String in : System.getProperty("split.in").split(",")) {
            for (String line : Files.readAllLines(Path.of(in), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        Collections.shuffle(lines, new Random(SEED));
        int held = lines.size() / 4;
        String header = "# class<TAB>detail<TAB>prompt — written by hand before any tuning (issue 10); see docs/pii-evaluation.md\n";
        Files.writeString(out.resolve("eval-heldout.tsv"), header + String.join("\n", lines.subList(0, held)) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(out.resolve("eval-dev.tsv"), header + String.join("\n", lines.subList(held, lines.size())) + "\n",
                StandardCharsets.UTF_8);
        System.out.println("held-out " + held + ", dev " + (lines.size() - held));
    }
}
