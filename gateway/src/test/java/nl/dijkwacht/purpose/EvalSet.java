package nl.dijkwacht.purpose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The hand-written purpose-guard evaluation prompts (src/test/resources/purpose/eval-*.tsv). */
record EvalSet(String name, List<Prompt> prompts) {

    enum Label {
        FORBIDDEN("forbidden", Verdict.FORBIDDEN_PURPOSE),
        NEAR_MISS("near-miss", Verdict.ALLOWED),
        PERSONAL_SPECIAL("personal-special", Verdict.PERSONAL_SPECIAL_CATEGORY),
        GENERIC_SPECIAL("generic-special", Verdict.ALLOWED);

        final String tsvName;
        final Verdict expected;

        Label(String tsvName, Verdict expected) {
            this.tsvName = tsvName;
            this.expected = expected;
        }

        static Label of(String s) {
            for (Label l : values()) {
                if (l.tsvName.equals(s)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("unknown class " + s);
        }
    }

    record Prompt(Label label, String detail, String text) {
    }

    /** {@code dev}, {@code heldout}, {@code heldout2}, {@code heldout3}, {@code heldout4}, {@code heldout5}, {@code heldout6}, {@code heldout7}, {@code heldout8}, {@code heldout9}, {@code heldout10}, {@code heldout11}, {@code heldout12}, {@code heldout13}, {@code heldout14}, {@code heldout15} or {@code heldout16}. */
    static EvalSet load(String part) {
        String resource = "/purpose/eval-" + part + ".tsv";
        try (InputStream in = EvalSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            List<Prompt> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 3);
                out.add(new Prompt(Label.of(f[0]), f[1], f[2]));
            }
            return new EvalSet(part, List.copyOf(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
