package nl.dijkwacht.policy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import nl.dijkwacht.catalog.ModelDefinition;

/**
 * Command-line check of policy and catalogue files before they are deployed: the same loader (schema + cross-file
 * rules) the gateway uses. Exit code 0 when valid, 1 when not; every problem names file, line and field.
 *
 * <pre>
 * ./mvnw -q -pl gateway compile exec:exec                                     # ./policies and ./models-config
 * ./mvnw -q -pl gateway compile exec:exec -Dpolicies=/etc/dijkwacht/policies -Dmodels=/etc/dijkwacht/models-config
 * </pre>
 */
public final class PolicyValidator {

    private PolicyValidator() {
    }

    public static void main(String[] args) {
        Path policies = Path.of(args.length > 0 ? args[0] : "policies");
        Path models = Path.of(args.length > 1 ? args[1] : "models-config");
        System.exit(run(policies, models, LocalDate.now(), System.out, System.err));
    }

    static int run(Path policies, Path models, LocalDate today, PrintStream out, PrintStream err) {
        PolicySet set;
        try {
            set = new PolicyLoader().load(policies, models);
        } catch (PolicyLoadException e) {
            if (e.problems().isEmpty()) {
                err.println("ONGELDIG: " + e.getMessage());
            } else {
                err.println("ONGELDIG: " + e.problems().size() + " probleem/problemen");
                e.problems().forEach(p -> err.println("  " + p));
            }
            return 1;
        }
        out.println("GELDIG: beleid " + set.version() + " — " + set.tools().size() + " tools, " + set.useCases().size()
                + " use-cases, " + set.catalog().all().size() + " modellen, " + set.governance().forbiddenPurposes().size()
                + " verboden doelen");
        for (ModelDefinition m : set.catalog().all()) {
            if (!m.governance().status().usable()) {
                out.println("  let op: model '" + m.id() + "' heeft status " + m.governance().status().yamlName() + " en wordt geweigerd");
            } else if (m.governance().evaluationOverdue(today)) {
                out.println("  let op: model '" + m.id() + "' had op " + m.governance().nextEvaluation() + " opnieuw beoordeeld moeten worden ("
                        + "evaluation-overdue: " + set.governance().evaluationOverdue().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
        }
        set.useCases().values().stream().filter(UseCasePolicy::suspended)
                .forEach(u -> out.println("  let op: use-case '" + u.id() + "' is opgeschort"));
        return 0;
    }
}
