package nl.dijkwacht.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a schema-checked {@code policies/tools.yaml} into the tools by id, in file order. */
final class ToolsReader {

    private ToolsReader() {
    }

    static Map<String, ToolPolicy> read(YamlDocument doc, Problems problems) {
        PolicyFiles.ToolsFile raw = doc.bind(PolicyFiles.ToolsFile.class);
        Map<String, ToolPolicy> tools = new LinkedHashMap<>();
        List<PolicyFiles.ToolEntry> entries = raw.tools() == null ? List.of() : raw.tools();
        for (int i = 0; i < entries.size(); i++) {
            PolicyFiles.ToolEntry t = entries.get(i);
            String keyHash = t.keySha256() == null ? null : t.keySha256().toLowerCase(Locale.ROOT);
            if (tools.putIfAbsent(t.id(), new ToolPolicy(t.id(), t.description(), keyHash, t.defaultUseCase(), t.useCases(),
                    Boolean.TRUE.equals(t.trustedIdentityHeaders()), t.oidcClientIds())) != null) {
                problems.add(doc.problem("/tools/" + i + "/id", "tool '" + t.id() + "' staat twee keer in het bestand"));
            }
        }
        return tools;
    }
}
