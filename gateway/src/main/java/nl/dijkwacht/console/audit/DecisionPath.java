package nl.dijkwacht.console.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.dijkwacht.audit.AuditRecord;

/**
 * The decision path of one request, rebuilt from its audit record: every pipeline step in order with what it did.
 * The record keeps the deciding rule with the step id as its prefix ({@code use-case:suspended:…},
 * {@code model:not-allowed-for-use-case}, {@code pii:redacted}, {@code route:…}, {@code upstream:timeout},
 * {@code fallback:a->b:timeout}); steps before the deciding one passed, steps after it were not reached.
 */
public final class DecisionPath {

    public enum Outcome { PASSED, CHANGED, REFUSED, FAILED, NOT_REACHED, SKIPPED }

    public record Step(String id, String title, Outcome outcome, String detail) {

        public String outcomeLabel() {
            return switch (outcome) {
                case PASSED -> "doorgelaten";
                case CHANGED -> "aangepast";
                case REFUSED -> "geweigerd";
                case FAILED -> "mislukt";
                case NOT_REACHED -> "niet bereikt";
                case SKIPPED -> "niet van toepassing";
            };
        }

        public String badge() {
            return switch (outcome) {
                case PASSED -> "safe";
                case CHANGED -> "warning";
                case REFUSED, FAILED -> "danger";
                case NOT_REACHED, SKIPPED -> "neutral";
            };
        }
    }

    /** In the pipeline's order (docs/architecture.md): a refusal's step is found by its rule's prefix. */
    private static final List<String[]> STEPS = List.of(
            new String[] {"authenticate", "Tool herkennen aan de API-sleutel"},
            new String[] {"request", "Verzoek lezen en controleren"},
            new String[] {"use-case", "Toepassing (use-case) bepalen en toestaan"},
            new String[] {"ai-literacy", "AI-geletterdheid: training gevolgd"},
            new String[] {"rate-limit", "Verzoeklimiet"},
            new String[] {"fields", "Velden van het verzoek controleren"},
            new String[] {"attachments", "Bijlagen"},
            new String[] {"purpose", "Doelbinding: verboden doelen"},
            new String[] {"model", "Model kiezen en governance controleren"},
            new String[] {"pii", "Persoonsgegevens zoeken en vervangen"},
            new String[] {"route", "Routering naar een model dat de gegevens mag ontvangen"},
            new String[] {"token-budget", "Tokenbudget"},
            new String[] {"upstream", "Model aanroepen"},
            new String[] {"answer", "Antwoord: placeholders terugzetten, uitvoer controleren, disclaimer"});

    private DecisionPath() {
    }

    /** The Dutch title of a pipeline step, or null for a step the decision path does not show. */
    public static String title(String id) {
        return STEPS.stream().filter(s -> s[0].equals(id)).map(s -> s[1]).findFirst().orElse(null);
    }

    public static List<Step> of(AuditRecord r) {
        String rule = r.rule() == null ? "" : r.rule();
        String prefix = rule.contains(":") ? rule.substring(0, rule.indexOf(':')) : rule;
        boolean stopped = "refused".equals(r.decision()) || "failed".equals(r.decision());
        int decidingIndex = -1;
        if (stopped) {
            decidingIndex = indexOf(prefix.equals("fallback") ? "upstream" : prefix);
            if (decidingIndex < 0) {
                decidingIndex = "failed".equals(r.decision()) ? indexOf("upstream") : 0;
            }
        }
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < STEPS.size(); i++) {
            String id = STEPS.get(i)[0];
            String title = STEPS.get(i)[1];
            if (stopped && i > decidingIndex) {
                out.add(new Step(id, title, Outcome.NOT_REACHED, null));
            } else if (stopped && i == decidingIndex) {
                out.add(new Step(id, title, "failed".equals(r.decision()) ? Outcome.FAILED : Outcome.REFUSED,
                        notOffered(r) + "Regel " + rule + (r.errorCode() == null ? "" : ", code " + r.errorCode()) + ", HTTP " + r.httpStatus()
                                + (r.upstreamStatus() == null ? "" : " (model antwoordde " + r.upstreamStatus() + ")")));
            } else {
                out.add(passed(id, title, r, rule));
            }
        }
        return out;
    }

    /**
     * For a call to an address Dijkwacht does not offer (endpoint {@code unsupported}): what the tool asked for, from
     * the record's object ({@code endpoint:POST /v1/audio/speech}), which the log and the other fields do not show.
     */
    private static String notOffered(AuditRecord r) {
        if (!"unsupported".equals(r.endpoint()) || r.bioObject() == null || !r.bioObject().startsWith("endpoint:")) {
            return "";
        }
        String call = r.bioObject().substring("endpoint:".length());
        return ("method_not_allowed".equals(r.errorCode()) ? "Dijkwacht biedt deze methode voor dit adres niet aan: "
                : "Dijkwacht biedt dit adres niet aan: ") + call + ". ";
    }

    private static Step passed(String id, String title, AuditRecord r, String rule) {
        return switch (id) {
            case "authenticate" -> new Step(id, title, Outcome.PASSED, r.bioOrigin());
            case "use-case" -> new Step(id, title, Outcome.PASSED, r.useCase());
            case "model" -> new Step(id, title, Outcome.PASSED, r.modelId() == null ? null : "Model " + r.modelId());
            case "pii" -> r.entityCounts().isEmpty()
                    ? new Step(id, title, Outcome.PASSED, "Geen persoonsgegevens gevonden")
                    : new Step(id, title, "redacted".equals(r.decision()) || rule.startsWith("pii:") ? Outcome.CHANGED : Outcome.PASSED,
                            "Gevonden: " + counts(r.entityCounts()));
            case "route" -> rule.startsWith("route:")
                    ? new Step(id, title, Outcome.CHANGED, "Omgeleid naar " + r.modelId() + " (regel " + rule + ")")
                    : new Step(id, title, Outcome.PASSED, null);
            case "upstream" -> rule.startsWith("fallback:")
                    ? new Step(id, title, Outcome.CHANGED, "Teruggevallen: " + rule.substring("fallback:".length())
                            + "; antwoord van " + r.modelId() + upstream(r))
                    : new Step(id, title, Outcome.PASSED, r.upstreamModel() == null ? r.modelId() : r.modelId() + upstream(r));
            case "answer" -> new Step(id, title, Outcome.PASSED, answer(r));
            default -> new Step(id, title, Outcome.PASSED, null);
        };
    }

    private static String upstream(AuditRecord r) {
        return (r.upstreamModel() == null ? "" : " (" + r.upstreamModel() + ")")
                + (r.upstreamStatus() == null ? "" : ", status " + r.upstreamStatus());
    }

    private static String answer(AuditRecord r) {
        StringBuilder b = new StringBuilder();
        b.append(r.placeholdersRestored()).append(" placeholder(s) teruggezet");
        if (r.placeholdersUnknown() > 0) {
            b.append(", ").append(r.placeholdersUnknown()).append(" onbekend");
        }
        if (!r.outputEntityCounts().isEmpty()) {
            b.append("; persoonsgegevens in het antwoord: ").append(counts(r.outputEntityCounts()));
        }
        b.append(r.streamed() ? "; gestreamd" : "");
        return b.toString();
    }

    static String counts(Map<String, Integer> counts) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(counts).forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(" ").append(v).append("×"));
        return b.toString();
    }

    private static int indexOf(String id) {
        for (int i = 0; i < STEPS.size(); i++) {
            if (STEPS.get(i)[0].equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
