package nl.dijkwacht.policy;

import java.util.Map;
import nl.dijkwacht.catalog.Hosting;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.pii.anonymize.Operator;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;

/** A load-time rule across files: the models a use-case lists must be allowed to receive what its operators let through. */
final class PersonalDataReach {

    private PersonalDataReach() {
    }

    /**
     * Where a use-case's personal data may go. {@code pii.default: allow} sends every kind of personal data as it is,
     * so each of its models must run on-premises. Pseudonymised (and keyed-hashed) data is still personal data (AVG
     * overweging 26), so a model outside the premises that receives it needs a processor agreement.
     */
    static void check(YamlDocument doc, UseCasePolicy useCase, Map<String, ModelDefinition> models, Problems problems) {
        OperatorPolicy pii = useCase.pii();
        boolean pseudonymises = pii.fallback() == Operator.PSEUDONYMISE || pii.fallback() == Operator.HASH
                || pii.byType().values().stream().anyMatch(o -> o == Operator.PSEUDONYMISE || o == Operator.HASH);
        for (int i = 0; i < useCase.models().size(); i++) {
            ModelDefinition model = models.get(useCase.models().get(i));
            if (model == null) {
                continue;
            }
            Hosting hosting = model.governance().hosting();
            if (pii.fallback() == Operator.ALLOW && hosting != Hosting.ON_PREMISES) {
                problems.add(doc.problem("/pii/default", "'pii.default: allow' stuurt persoonsgegevens ongewijzigd door, maar model '"
                        + model.id() + "' draait niet on-premises (hosting: " + hosting.yamlName()
                        + "); kies een ander standaardbeleid of alleen on-premises modellen"));
            }
            if (pseudonymises && hosting != Hosting.ON_PREMISES && isBlank(model.governance().processorAgreement())) {
                problems.add(doc.problem("/models/" + i, "deze use-case pseudonimiseert persoonsgegevens (ook gepseudonimiseerd zijn het"
                        + " persoonsgegevens), maar model '" + model.id() + "' (hosting: " + hosting.yamlName()
                        + ") heeft geen verwerkersovereenkomst (processor-agreement in models-config/" + model.sourceFile() + ")"));
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
