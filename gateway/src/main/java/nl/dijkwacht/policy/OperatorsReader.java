package nl.dijkwacht.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.dijkwacht.identity.OperatorAccount;
import nl.dijkwacht.identity.OperatorRole;

/** Turns a schema-checked {@code policies/operators.yaml} into the administrator and auditor keys. */
final class OperatorsReader {

    private OperatorsReader() {
    }

    static List<OperatorAccount> read(YamlDocument doc, Problems problems) {
        PolicyFiles.OperatorsFile raw = doc.bind(PolicyFiles.OperatorsFile.class);
        List<OperatorAccount> operators = new ArrayList<>();
        List<PolicyFiles.OperatorEntry> entries = raw.operators() == null ? List.of() : raw.operators();
        for (int i = 0; i < entries.size(); i++) {
            PolicyFiles.OperatorEntry o = entries.get(i);
            Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
            o.roles().forEach(role -> roles.add(OperatorRole.valueOf(role.toUpperCase(Locale.ROOT))));
            if (roles.size() > 1) {
                problems.add(doc.problem("/operators/" + i + "/roles", "sleutel '" + o.id() + "' heeft zowel de rol admin als auditor;"
                        + " functiescheiding: wie het beleid beheert, controleert het niet. Geef elke rol een eigen sleutel"));
            }
            LocalDate expires = null;
            try {
                expires = o.expires() == null ? null : LocalDate.parse(o.expires());
            } catch (DateTimeParseException e) {
                problems.add(doc.problem("/operators/" + i + "/expires", "geen geldige datum: gebruik bijvoorbeeld 2027-03-31"));
            }
            operators.add(new OperatorAccount(o.id(), o.keySha256().toLowerCase(Locale.ROOT), roles, expires));
        }
        return operators;
    }
}
