package nl.dijkwacht.purpose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PolicyLoader;
import nl.dijkwacht.policy.PolicySet;

/**
 * The purpose-guard evaluation command: per-class precision / recall and the confusion table of a guard on the
 * development and/or held-out part of the evaluation set. From the repository root:
 * <pre>
 * ./mvnw -q -B -pl gateway test-compile exec:exec@purpose-eval [-Dguard=today|layered] [-Dset=dev|heldout|...|heldout16|heldout17|both|all] [-Dopts=errors,retrain,refuse-at=0.8,...]
 * </pre>
 * {@code both} is the development data (dev + the first held-out part, which joined development once held-out-2 was
 * written); {@code all} (or {@code development}) adds held-out-2 (development data since the third round), held-out-3
 * (since the fourth round), held-out-4 (since the fifth round: it was run once, at the end of the fourth) and held-out-5
 * (since the sixth round), held-out-6 (since the seventh), held-out-7 (since the eighth), held-out-8 (since the ninth), held-out-9 (since the tenth), held-out-10 (since the eleventh), held-out-11 (since the twelfth), held-out-12 (since the thirteenth), held-out-13 (since the fourteenth), held-out-14 (since the fifteenth), held-out-15 (since the sixteenth) and held-out-16 (since the seventeenth).
 * An unseen part ({@link EvalSet#UNSEEN}: written before the round by a writer who read neither the guard nor the earlier
 * sets) is run only when named, by the lead, and is in no group, so that no tuning run sees its figures. {@code errors}
 * lists the wrong verdicts with their scores — never for an unseen part, which is run only for the final figures
 * (aggregates only). {@code cv=5,hand=N}: cross-validation
 * ({@link PurposeCrossValidation}); {@code lowo,hand=N}: leave one writer out ({@link PurposeLeaveOneWriterOut});
 * {@code embed} and {@code embed-cost} (the sentence-embedding layer of the eleventh round, not shipped) have their own
 * command in the Maven profile {@code embedding-eval} (gateway/pom.xml), which alone has the embedding model:
 * {@code ./mvnw -q -B -o -Pembedding-eval -pl gateway test-compile exec:exec@purpose-embed -Dopts=embed,clf=knn}. {@code literals}: string literals of the test sources whose verdict a retrained
 * model would change ({@code literals-domain}: that the domain step at {@code domain-verdict-at} would change). {@code cpu}: CPU time per call of the shipped guard. {@code retrain} trains the classifier from the corpus in memory
 * instead of loading the shipped model (to try corpus or feature changes before writing the model).
 * {@code today} is the guard before issue 10: the regular expressions of policies/governance.yaml for forbidden
 * purposes, and any term of the PII engine's special-category list counted as special-category data.
 */
public final class PurposeEvaluation {

    private PurposeEvaluation() {
    }

    /**
     * Parts whose wrong verdicts may be listed: the development data (held-out-16 joined it in the seventeenth round).
     * An unseen part is never run while tuning.
     */
    static final java.util.Set<String> DEVELOPMENT = java.util.Set.copyOf(EvalSet.DEVELOPMENT);

    public static void main(String[] args) throws java.io.IOException {
        String guard = System.getProperty("guard", "today");
        String which = System.getProperty("set", "dev");
        PolicySet policy = defaultPolicy();
        PurposeClassifier classifier = "true".equals(opt("retrain")) ? retrained() : PurposeClassifier.shipped();
        LayeredPurposeGuard layered = new LayeredPurposeGuard(classifier, new SpecialCategoryRecognizer());
        List<ForbiddenPurpose> rules = policy.governance().forbiddenPurposes();
        PurposeGuardPolicy settings = thresholds();
        Function<String, Verdict> judge = switch (guard) {
            case "today" -> today(policy);
            case "layered" -> text -> layered.judge(List.of(text), rules, settings, null).verdict();
            default -> throw new IllegalArgumentException("unknown guard " + guard);
        };
        if (opt("cv") != null) {
            PurposeCrossValidation.Result r = PurposeCrossValidation.run(Integer.parseInt(opt("cv")),
                    opt("hand") == null ? 0 : Integer.parseInt(opt("hand")), settings, rules);
            System.out.println(PurposeCrossValidation.report(r));
            if ("true".equals(opt("errors"))) {
                System.out.print(PurposeCrossValidation.errors(r));
            }
            return;
        }
        if ("true".equals(opt("lowo"))) {
            System.out.print(PurposeLeaveOneWriterOut.run(opt("hand") == null ? 0 : Integer.parseInt(opt("hand")), rules));
            return;
        }
        if (opt("embed") != null || opt("embed-cost") != null) {
            throw new IllegalArgumentException("the embedding evaluation runs in the Maven profile embedding-eval: "
                    + "./mvnw -q -B -o -Pembedding-eval -pl gateway test-compile exec:exec@purpose-embed -Dopts=" + System.getProperty("opts"));
        }
        if ("true".equals(opt("cpu"))) {
            // CPU time per judge call only (the second half of exec@purpose-bench, without JMH)
            System.out.print(PurposeGuardBenchmarkMain.cpuTime());
            return;
        }
        if ("true".equals(opt("literals"))) {
            literals(rules, settings);
            return;
        }
        if ("true".equals(opt("latency"))) {
            latency(policy);
            return;
        }
        List<String> parts = switch (which) {
            case "both" -> List.of("dev", "heldout");
            case "all", "development" -> EvalSet.DEVELOPMENT;
            default -> List.of(which);
        };
        for (String part : parts) {
            EvalSet set = EvalSet.load(part);
            System.out.println(new EvalReport(guard, set, judge).markdown());
            if ("true".equals(opt("errors")) && DEVELOPMENT.contains(part)) {
                // development data only: an unseen part is not looked at while tuning
                for (EvalSet.Prompt p : set.prompts()) {
                    Verdict v = judge.apply(p.text());
                    if (v != p.label().expected) {
                        String why = guard.equals("layered") ? layered.judge(List.of(p.text()), rules, settings, null).summary() : "";
                        System.out.println(p.label().tsvName + " -> " + v + " " + why + " | " + p.text());
                    }
                }
            }
        }
    }

    private static PurposeClassifier retrained() {
        try {
            return new PurposeClassifier(PurposeModelTrainer.train(PurposeModelTrainer.trainingSet()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static PolicySet defaultPolicy() {
        Path root = Files.isDirectory(Path.of("policies")) ? Path.of(".") : Path.of("..");
        return new PolicyLoader().load(root.resolve("policies"), root.resolve("models-config"));
    }

    /** Thresholds from -Drefuse-at= … (tuning on the development part), else the defaults. */
    static PurposeGuardPolicy thresholds() {
        PurposeGuardPolicy d = PurposeGuardPolicy.DEFAULTS;
        return d.withThresholds(num("refuse-at", d.refuseAt()), num("allow-below", d.allowBelow()),
                num("personal-at", d.personalAt()), num("topic-below", d.topicBelow()), num("decide-at", d.decideAt()),
                num("personal-without-term-at", d.personalWithoutTermAt()))
                .withFactorThresholds(num("verdict-on-cases-at", d.verdictOnCasesAt()), num("personal-named-at", d.personalNamedAt()),
                        num("topic-unnamed-below", d.topicUnnamedBelow()))
                .withDomainVerdictAt(num("domain-verdict-at", d.domainVerdictAt()));
    }

    /** {@code -Dopts=errors,refuse-at=0.7,...} (one Maven property, passed on to the evaluation JVM). */
    static String opt(String name) {
        for (String o : System.getProperty("opts", "").split(",")) {
            String[] kv = o.split("=", 2);
            if (kv[0].strip().equals(name)) {
                return kv.length == 2 ? kv[1].strip() : "true";
            }
        }
        return null;
    }

    private static double num(String name, double fallback) {
        String v = opt(name);
        return v == null || v.isBlank() ? fallback : Double.parseDouble(v);
    }

    /** The layered guard of issue 10 (rules + classifier; no guard model: the classifier decides the unsure band). */
    static Function<String, Verdict> layered(PolicySet policy, PurposeGuardPolicy settings) {
        LayeredPurposeGuard guard = new LayeredPurposeGuard(PurposeClassifier.shipped(), new SpecialCategoryRecognizer());
        List<ForbiddenPurpose> rules = policy.governance().forbiddenPurposes();
        return text -> guard.judge(List.of(text), rules, settings, null).verdict();
    }

    /**
     * Added latency of the in-process layers (rules, term list, classifier) per request: every development prompt
     * judged 30 times after 10 warm-up rounds, one thread; p50 / p99 / max of single calls.
     */
    static void latency(PolicySet policy) {
        LayeredPurposeGuard guard = new LayeredPurposeGuard(PurposeClassifier.shipped(), new SpecialCategoryRecognizer());
        List<ForbiddenPurpose> rules = policy.governance().forbiddenPurposes();
        List<String> texts = EvalSet.load("dev").prompts().stream().map(EvalSet.Prompt::text).toList();
        for (int round = 0; round < 10; round++) {
            texts.forEach(t -> guard.judge(List.of(t), rules, PurposeGuardPolicy.DEFAULTS, null));
        }
        long[] nanos = new long[texts.size() * 30];
        int k = 0;
        for (int round = 0; round < 30; round++) {
            for (String t : texts) {
                long start = System.nanoTime();
                guard.judge(List.of(t), rules, PurposeGuardPolicy.DEFAULTS, null);
                nanos[k++] = System.nanoTime() - start;
            }
        }
        java.util.Arrays.sort(nanos);
        System.out.printf(java.util.Locale.ROOT, "in-process purpose guard, %d calls: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                nanos.length, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6);
    }

    /**
     * Before shipping a retrained model: every string literal of the test sources (the prompts the gateway tests send)
     * judged by the shipped and by the retrained model; prints those whose verdict differs (counts only otherwise).
     */
    static void literals(List<ForbiddenPurpose> rules, PurposeGuardPolicy settings) throws java.io.IOException {
        Path tests = Files.isDirectory(Path.of("gateway")) ? Path.of("gateway/src/test/java") : Path.of("src/test/java");
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"((?:[^\"\\\\\n]|\\\\.){8,})\"");
        java.util.Set<String> texts = new java.util.TreeSet<>();
        try (var files = Files.walk(tests)) {
            // the corpus's own slot lists are training material, not prompts the tests send
            for (Path f : files.filter(x -> x.toString().endsWith(".java") && !x.endsWith("PurposeCorpus.java")
                    && !x.endsWith("IndirectPhrasings.java") && !x.endsWith("StaffVoices.java") && !x.endsWith("OrdinaryTraffic.java")).toList()) {
                var m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    texts.add(m.group(1).replace("\\n", "\n").replace("\\\"", "\""));
                }
            }
        }
        SpecialCategoryRecognizer terms = new SpecialCategoryRecognizer();
        if (System.getProperty("purpose.literals.scores") != null) {
            // every literal's scores and factor cues, so decision rules can be compared without the texts being judged twice
            PurposeClassifier c = PurposeClassifier.shipped();
            StringBuilder out = new StringBuilder("rule\tterm\tforbidden\tpersonal\tverdict\tcases\tnotcases\tspecialword\tperson\ttext\n");
            for (String t : texts) {
                boolean term = !terms.find(t).isEmpty();
                String[] tokens = PurposeTokens.of(t, term);
                PurposeClassifier.Scores sc = c.classify(tokens);
                PurposeFactors f = PurposeFactors.of(t, tokens);
                out.append(String.format(java.util.Locale.ROOT, "%s\t%s\t%.5f\t%.5f\t%s\t%s\t%s\t%s\t%s\t%s%n",
                        rules.stream().anyMatch(r -> r.matches(t)), term, sc.forbidden(), sc.personalSpecial(), f.verdictAsked,
                        f.aboutCases, f.notAboutCases, PurposeFactors.has(tokens, PurposeTokens.SPECIAL_WORD),
                        PurposeFactors.named(tokens), t.replace('\t', ' ').replace('\n', ' ')));
            }
            Files.writeString(Path.of(System.getProperty("purpose.literals.scores")), out);
            return;
        }
        LayeredPurposeGuard shipped = new LayeredPurposeGuard(PurposeClassifier.shipped(), terms);
        // literals-domain: the shipped model with the domain step off (a) against the thresholds given (b)
        boolean domain = "true".equals(opt("literals-domain"));
        LayeredPurposeGuard retrained = domain ? shipped : new LayeredPurposeGuard(retrained(), terms);
        PurposeGuardPolicy before = domain ? settings.withDomainVerdictAt(1.0) : settings;
        int changed = 0;
        for (String t : texts) {
            Judgement a = shipped.judge(List.of(t), rules, before, null);
            Judgement b = retrained.judge(List.of(t), rules, settings, null);
            if (a.verdict() != b.verdict()) {
                changed++;
                System.out.println(a.summary() + " -> " + b.summary() + " | " + t);
            }
        }
        System.out.println(texts.size() + " string literals, " + changed + " with another verdict");
    }

    /** The guard as it was before issue 10. */
    static Function<String, Verdict> today(PolicySet policy) {
        List<ForbiddenPurpose> rules = policy.governance().forbiddenPurposes();
        PiiEngine engine = PiiEngine.dutchDefault();
        return text -> {
            for (ForbiddenPurpose rule : rules) {
                if (rule.matches(text)) {
                    return Verdict.FORBIDDEN_PURPOSE;
                }
            }
            boolean special = engine.detect(text).stream().anyMatch(f -> f.type() == EntityType.SPECIAL_CATEGORY);
            return special ? Verdict.PERSONAL_SPECIAL_CATEGORY : Verdict.ALLOWED;
        };
    }
}
