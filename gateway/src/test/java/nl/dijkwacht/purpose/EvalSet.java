package nl.dijkwacht.purpose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-written purpose-guard evaluation prompts (src/test/resources/purpose/eval-*.tsv). Public only for
 * {@link #developmentTexts}, which the tests outside this package read (the policy's literal index), so that no list of
 * parts is kept by hand and no part can be loaded by name from there.
 */
public record EvalSet(String name, List<Prompt> prompts) {

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

    /**
     * Every part, in the order the tools read them, and its status: the one list a writer edits to add a part (plus its
     * counts test in {@link EvalSetFormatTest} and its section in src/test/resources/purpose/README.md).
     * {@link Status#UNSEEN} parts are loaded by the format tests for counts only and are in no development list
     * ({@link PurposeEvaluation#DEVELOPMENT}, the folds, the score dump, {@link PurposeCleanPairs}); only the lead runs
     * the guard on them. {@link EvalSetFormatTest} fails when a {@code eval-*.tsv} is missing here.
     */
    static final Map<String, Status> PARTS = parts(
            "dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
            "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16")
            .unseen("heldout17");

    /** Development data: written, run once as held-out (or never held out: {@code dev}), tuned on since. */
    static final List<String> DEVELOPMENT = with(Status.DEVELOPMENT);
    /** Written before the round that will spend them; never opened by a helper. */
    static final List<String> UNSEEN = with(Status.UNSEEN);

    enum Status { DEVELOPMENT, UNSEEN }

    /** Every part name, development first. */
    static List<String> all() {
        return List.copyOf(PARTS.keySet());
    }

    private static List<String> with(Status status) {
        return PARTS.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).toList();
    }

    private static PartsBuilder parts(String... development) {
        return new PartsBuilder(development);
    }

    private record PartsBuilder(String... development) {
        Map<String, Status> unseen(String... unseen) {
            Map<String, Status> parts = new LinkedHashMap<>();
            for (String part : development) {
                parts.put(part, Status.DEVELOPMENT);
            }
            for (String part : unseen) {
                if (parts.put(part, Status.UNSEEN) != null) {
                    throw new IllegalStateException(part + " listed twice");
                }
            }
            return Collections.unmodifiableMap(parts);
        }
    }

    /** The text of every development prompt, part by part in {@link #PARTS}' order (never an unseen part's). */
    public static List<String> developmentTexts() {
        return DEVELOPMENT.stream().flatMap(part -> load(part).prompts().stream()).map(Prompt::text).toList();
    }

    /** One part of {@link #PARTS}. */
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
