package nl.dijkwacht.purpose;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import opennlp.tools.doccat.DoccatModel;

/**
 * Experiment tool (fifth round): trains one classifier per configuration {@code seed:features} on the generated corpus
 * alone (cached in gateway/target/purpose-exp) and writes every development prompt's scores — part, index, class,
 * detail, rule hit, term hit, forbidden/personal/topic scores, never the text — so that ensembles and decision rules
 * can be compared without retraining. Held-out-16 is never scored here.
 */
final class PurposeScoreDump {

    static final List<String> PARTS = EvalSet.DEVELOPMENT;

    private PurposeScoreDump() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("target/purpose-exp");
        Files.createDirectories(dir);
        List<ForbiddenPurpose> rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
        SpecialCategoryRecognizer terms = new SpecialCategoryRecognizer();
        for (String config : args) {
            String[] c = config.split(":", 2);
            long seed = Long.parseLong(c[0]);
            String features = c.length > 1 ? c[1] : PurposeModelTrainer.FEATURES;
            String name = seed + "-" + features + System.getProperty("purpose.exp.tag", "");
            Path bin = dir.resolve(name + ".bin");
            DoccatModel model;
            if (Files.exists(bin)) {
                try (InputStream in = Files.newInputStream(bin)) {
                    model = new DoccatModel(in);
                }
            } else {
                model = PurposeModelTrainer.train(PurposeCorpus.generate(seed), features);
                try (OutputStream o = Files.newOutputStream(bin)) {
                    model.serialize(o);
                }
            }
            PurposeClassifier classifier = new PurposeClassifier(model);
            StringBuilder out = new StringBuilder("part\tidx\tclass\tdetail\trule\tterm\tforbidden\tpurpose\tpersonal\ttopic\tverdict\tcases\tnotcases\tspecialword\tperson\n");
            for (String part : PARTS) {
                List<EvalSet.Prompt> prompts = EvalSet.load(part).prompts();
                for (int i = 0; i < prompts.size(); i++) {
                    EvalSet.Prompt p = prompts.get(i);
                    boolean term = !terms.find(p.text()).isEmpty();
                    boolean rule = rules.stream().anyMatch(r -> r.matches(p.text()));
                    PurposeClassifier.Scores s = classifier.classify(p.text(), term);
                    String[] raw = PurposeTokens.of(p.text(), term);
                    PurposeFactors f = PurposeFactors.of(p.text(), raw);
                    List<String> tokens = List.of(raw);
                    boolean person = tokens.contains("__titelnaam") || tokens.contains("__naam");
                    out.append(String.format(Locale.ROOT, "%s\t%d\t%s\t%s\t%s\t%s\t%.5f\t%s\t%.5f\t%.5f\t%s\t%s\t%s\t%s\t%s%n", part, i,
                            p.label().tsvName, p.detail(), rule, term, s.forbidden(), s.purpose(), s.personalSpecial(),
                            s.topicSpecial(), f.verdictAsked, f.aboutCases, f.notAboutCases,
                            tokens.contains("__bijzonder-woord"), person));
                }
            }
            Files.writeString(dir.resolve(name + ".tsv"), out);
            System.out.println("scores -> " + dir.resolve(name + ".tsv"));
        }
    }
}
