package nl.dijkwacht.purpose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.identity.IdentitySource;
import nl.dijkwacht.pipeline.DeliveredTurns;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.GuardModelCall;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.pipeline.TurnCheck;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.MatchBudgetExceeded;
import nl.dijkwacht.policy.PurposeGuardPolicy;

/**
 * Refuses requests that ask for a forbidden purpose (policies/governance.yaml, {@code forbidden-purposes}) — deciding
 * on benefits, selecting job applicants, scoring residents for fraud (AI Act Annex III, GDPR art. 22) — with the
 * layered guard ({@link LayeredPurposeGuard}: rules, in-process classifier, guard model when unsure). It also judges
 * whether special-category terms are a person's data or a topic; that judgement is kept on the exchange for the
 * sensitivity-routing step. It reads what the staff member and the tool wrote (user, system and developer messages);
 * since guard27 also the descriptions of the tools the request defines (and of its structured-output schema,
 * review43); since turns28 also the earlier assistant turns and tool results, except those the gateway delivered itself
 * (and the results answering their calls), asked of the audit store only when such a text would cause the refusal
 * ({@link DeliveredTurns}); every text with its disguises undone ({@link PurposeText}). The refusal names the purpose, its legal basis and what is allowed instead; the
 * audit rule names the decision, the layer and its score ({@code purpose:<id>/<layer>/<score>}), never the text.
 */
public final class PurposeGuardStep implements PolicyStep {

    /** Earlier turns judged one by one for /admin/explain's {@code matched} when such a turn caused a refusal. */
    static final int MATCHED_UP_TO = 32;

    private final LayeredPurposeGuard guard;
    private final GuardModelClient guardModels;
    private final DeliveredTurns delivered;

    /** @param guardModels asks a use-case's guard model; {@code null}: no guard model is ever asked */
    public PurposeGuardStep(LayeredPurposeGuard guard, GuardModelClient guardModels) {
        this(guard, guardModels, null);
    }

    /**
     * @param delivered whether the gateway delivered an earlier assistant turn (turns28); {@code null}: no store to ask,
     *                  so every earlier turn that would cause a refusal counts as not delivered
     */
    public PurposeGuardStep(LayeredPurposeGuard guard, GuardModelClient guardModels, DeliveredTurns delivered) {
        this.guard = guard;
        this.guardModels = guardModels;
        this.delivered = delivered;
    }

    @Override
    public String id() {
        return "purpose";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        if (exchange.request() == null) {
            return Outcome.CONTINUE;
        }
        List<ForbiddenPurpose> rules = exchange.policy().governance().forbiddenPurposesGuarding(exchange.useCase());
        JsonNode body = exchange.request().body();
        List<String> tools = toolTexts(body);
        Conversation conversation = Conversation.of(body.path("messages"));
        List<String> texts = joined(tools, conversation.all());
        if (texts.isEmpty()) {
            return Outcome.CONTINUE;
        }
        PurposeGuardPolicy settings = exchange.useCase() == null ? PurposeGuardPolicy.DEFAULTS : exchange.useCase().purposeGuard();
        GuardModel guardModel = guardModels == null || settings.guardModel() == null ? null
                : !exchange.guardModelAllowed() ? notAsked(exchange)
                : recorded(exchange, guardModels.forRequest(exchange.policy().catalog(), exchange.traceId()));
        Judgement judgement;
        try {
            judgement = guard.judge(texts, rules, settings, guardModel);
            if (judgement.refusesPurpose() && conversation.hasAnswersOrResults()) {
                // refused, and earlier answers or tool results were read: did the staff's and the tool's own text do it?
                Judgement own = guard.judge(joined(tools, conversation.instructions()), rules, settings, guardModel);
                if (!own.refusesPurpose()) {
                    return earlierTurns(exchange, rules, settings, guardModel, tools, conversation, judgement);
                }
                judgement = own;
            }
        } catch (MatchBudgetExceeded e) {
            return budgetExceeded(exchange, rules, e.ruleId());
        }
        return decided(exchange, rules, judgement);
    }

    /** The judgement noted on the exchange; a refusal when it refuses. */
    private static Outcome decided(Exchange exchange, List<ForbiddenPurpose> rules, Judgement judgement) {
        noted(exchange, judgement);
        if (!judgement.refusesPurpose()) {
            return Outcome.CONTINUE;
        }
        ForbiddenPurpose rule = rules.stream().filter(r -> r.id().equals(judgement.purposeId())).findFirst().orElseThrow();
        return Outcome.deny(Refusal.forbidden("forbidden_purpose", message(rule) + flagHint(exchange.traceId()), "messages"),
                "purpose:" + judgement.summary()
                .substring("forbidden-purpose:".length()));
    }

    private static void noted(Exchange exchange, Judgement judgement) {
        exchange.purposeJudgement(judgement.verdict() == Verdict.PERSONAL_SPECIAL_CATEGORY,
                judgement.verdict() == Verdict.ALLOWED && judgement.specialTerm(), judgement.decision());
    }

    /**
     * The request is refused only because of an earlier assistant turn or a tool result (turns28): the turns the gateway
     * delivered itself are not held against the request (an answer that explains the rules would otherwise refuse every
     * follow-up), nor the tool results answering their calls; every other one is read like the staff's text. One look-up
     * in the audit store, within the caller's tenant; a store that cannot answer counts as "not delivered" (fail closed).
     */
    private Outcome earlierTurns(Exchange exchange, List<ForbiddenPurpose> rules, PurposeGuardPolicy settings,
                                 GuardModel guardModel, List<String> tools, Conversation conversation, Judgement judgement) {
        List<Conversation.Turn> turns = conversation.turns();
        // per turn: its hash as a whole, and (a line --- in its text) the hash of the text before it
        String[] whole = new String[turns.size()];
        String[][] split = new String[turns.size()][];
        List<String> hashes = new ArrayList<>();
        if (delivered != null) {
            for (int t = 0; t < turns.size(); t++) {
                Conversation.Turn turn = turns.get(t);
                whole[t] = delivered.hash(turn.content(), turn.calls());
                hashes.add(whole[t]);
                String[] before = delivered.beforeNote(turn.content());
                if (before != null) {
                    split[t] = new String[] {delivered.hash(before[0], turn.calls()), before[1]};
                    hashes.add(split[t][0]);
                }
            }
        }
        java.util.Set<String> found;
        boolean unverified = false;
        try {
            found = delivered == null || hashes.isEmpty() ? java.util.Set.of() : delivered.delivered(tenant(exchange), hashes);
        } catch (DeliveredTurns.Unknown e) {
            found = java.util.Set.of();
            unverified = true;
        }
        // the texts the guard reads once the delivered turns are left out: a delivered turn's text after its note stays
        String[] status = new String[turns.size()];
        String[] after = new String[turns.size()];
        for (int t = 0; t < turns.size(); t++) {
            if (whole[t] != null && found.contains(whole[t])) {
                status[t] = "delivered";
            } else if (split[t] != null && found.contains(split[t][0])) {
                status[t] = "delivered-before-note";
                after[t] = split[t][1];
            } else {
                status[t] = unverified ? "unverified" : "not-delivered";
            }
        }
        List<String> read = new ArrayList<>(tools);
        java.util.Set<Conversation.Part> questioned = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Conversation.Part part : conversation.parts()) {
            boolean ownTurn = part.turn() >= 0 && status[part.turn()].startsWith("delivered");
            if (part.kind() == Conversation.Kind.INSTRUCTION) {
                read.add(part.text());
            } else if (!ownTurn) {
                read.add(part.text());
                questioned.add(part);
            } else if (part.kind() == Conversation.Kind.ANSWER && after[part.turn()] != null && !after[part.turn()].isBlank()) {
                read.add(after[part.turn()]);
                questioned.add(part);
            }
        }
        boolean anyDelivered = false;
        for (String st : status) {
            anyDelivered |= st.startsWith("delivered");
        }
        // nothing delivered: the texts read are those already judged
        Judgement again = anyDelivered ? guard.judge(read, rules, settings, guardModel) : judgement;
        // which turn did it is shown by /admin/explain only: a refused request does not pay for those judgements (turns45)
        boolean explained = exchange.caller() != null && exchange.caller().source() == IdentitySource.EXPLAIN;
        List<TurnCheck> checks = new ArrayList<>();
        for (Conversation.Part part : conversation.parts()) {
            if (part.kind() == Conversation.Kind.INSTRUCTION) {
                continue;
            }
            String s = part.turn() < 0 ? (unverified ? "unverified" : "not-delivered")
                    : part.kind() == Conversation.Kind.RESULT && status[part.turn()].startsWith("delivered") ? "answer-delivered"
                    : status[part.turn()];
            // which text did it: judged on its own with the staff's text, without a guard model (the first few only)
            boolean matched = explained && again.refusesPurpose() && checks.size() < MATCHED_UP_TO && questioned.contains(part)
                    && guard.judge(joined(joined(tools, conversation.instructions()), List.of(readOf(part, after))), rules, settings, null)
                    .refusesPurpose();
            checks.add(new TurnCheck(part.message(), part.role(), s, matched));
        }
        exchange.turnChecks(checks);
        if (!again.refusesPurpose()) {
            noted(exchange, again);
            return Outcome.CONTINUE;
        }
        noted(exchange, again);
        ForbiddenPurpose rule = rules.stream().filter(r -> r.id().equals(again.purposeId())).findFirst().orElseThrow();
        String summary = again.summary().substring("forbidden-purpose:".length());
        if (unverified) {
            return Outcome.deny(Refusal.unavailable("forbidden_purpose_unverified",
                    "Dit verzoek is geweigerd: een eerder antwoord of toolresultaat in dit gesprek valt mogelijk onder een verboden "
                            + "doel (" + lowerFirst(title(rule)) + "), en Dijkwacht kon nu niet nagaan of het dat antwoord zelf heeft "
                            + "gegeven. Probeer het later opnieuw; blijft dit gebeuren, neem dan contact op met de beheerder "
                            + "(traceercode " + exchange.traceId() + ")."), "purpose-turn-unverified:" + summary);
        }
        return Outcome.deny(Refusal.forbidden("forbidden_purpose", message(rule) + " Het verzoek staat in een eerder antwoord of "
                        + "toolresultaat dat Dijkwacht niet herkent als een antwoord dat het zelf heeft afgeleverd (het is "
                        + "gewijzigd, komt uit een ander gesprek of een andere organisatie, of is afgeleverd voordat Dijkwacht "
                        + "eerdere antwoorden controleerde). Gaat het om een gesprek dat u met Dijkwacht voerde, begin dan een "
                        + "nieuw gesprek." + flagHint(exchange.traceId()), "messages"),
                "purpose-made-up-turn:" + summary);
    }

    private static String readOf(Conversation.Part part, String[] after) {
        return part.kind() == Conversation.Kind.ANSWER && part.turn() >= 0 && after[part.turn()] != null ? after[part.turn()] : part.text();
    }

    private static String tenant(Exchange exchange) {
        return exchange.caller() == null ? null : exchange.caller().tenant();
    }

    private static String title(ForbiddenPurpose rule) {
        return rule.title() == null || rule.title().isBlank() ? rule.id() : rule.title().strip();
    }

    static List<String> joined(List<String> a, List<String> b) {
        if (a.isEmpty()) {
            return b;
        }
        List<String> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /**
     * A rule's pattern read the text past its work budget (slow27): whether the purpose is forbidden is not known, so the
     * request is refused (fail closed); the audit's rule names the forbidden purpose, the staff member reads which one.
     */
    private static Outcome budgetExceeded(Exchange exchange, List<ForbiddenPurpose> rules, String ruleId) {
        String title = rules.stream().filter(r -> r.id().equals(ruleId)).map(ForbiddenPurpose::title)
                .filter(t -> t != null && !t.isBlank()).findFirst().orElse(ruleId);
        return Outcome.deny(Refusal.forbidden("forbidden_purpose_unchecked",
                "Dit verzoek is geweigerd: Dijkwacht kon niet binnen de tijd nagaan of het onder een verboden doel valt ("
                        + lowerFirst(title.strip()) + "). Maak de tekst korter of eenvoudiger en probeer het opnieuw; "
                        + "blijft dit gebeuren, neem dan contact op met de beheerder (traceercode " + exchange.traceId() + ").",
                "messages"), "purpose:budget:" + ruleId);
    }

    /** The guard model, each question and answer noted on the exchange (for /admin/explain). */
    private static GuardModel recorded(Exchange exchange, GuardModel model) {
        return (id, question, text, budget) -> {
            GuardModel.Answer answer = model.ask(id, question, text, budget);
            exchange.guardModelAsked(new GuardModelCall(id, questionName(question), switch (answer) {
                case GuardModel.Yes y -> "yes";
                case GuardModel.No n -> "no";
                case GuardModel.Failed f -> "failed:" + f.reason();
            }));
            return answer;
        };
    }

    private static String questionName(GuardModel.Question question) {
        return question.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** A dry run's guard model: records the question and answers as a guard model that did not answer would. */
    private static GuardModel notAsked(Exchange exchange) {
        return (model, question, text, budget) -> {
            exchange.guardQuestionNotAsked(questionName(question));
            return new GuardModel.Failed("not-asked");
        };
    }

    /** The schema keys whose strings the model reads as instructions or data: descriptions, titles, allowed and example values. */
    private static final List<String> SCHEMA_TEXTS = List.of("description", "title", "enum", "const", "default", "examples");

    /** What staff read: the forbidden purpose, its legal basis, what is allowed instead, and how to object. */
    static String message(ForbiddenPurpose rule) {
        StringBuilder m = new StringBuilder("Dit verzoek is geweigerd: ");
        m.append(rule.title() == null || rule.title().isBlank() ? rule.id() : lowerFirst(rule.title().strip())).append(". ");
        m.append(rule.explanation().strip());
        if (rule.legalBasis() != null && !rule.legalBasis().isBlank()) {
            m.append(" (").append(rule.legalBasis().strip()).append(")");
        }
        return m.toString();
    }

    /** How the staff member reports a refusal they think is wrong (the purpose guard's refusals only). */
    public static String flagHint(String traceId) {
        return " Vindt u deze weigering onterecht? Meld het vanuit uw tool met traceercode " + traceId
                + " (POST /v1/dijkwacht/refusals/" + traceId + "/flag); de beleidseigenaren bekijken elke melding.";
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * What the guard reads of a chat request (a Responses or completions request is translated into one first): the
     * descriptions of the tools and legacy functions the request defines and of its structured-output schema
     * ({@code response_format}) — the tool's own instructions to the model (guard27, review43), before the messages, as a
     * system prompt — then {@link #instructionTexts the instructing messages}.
     */
    static List<String> requestTexts(JsonNode body) {
        return joined(toolTexts(body), Conversation.of(body.path("messages")).all());
    }

    /**
     * The descriptions of the request's tools, functions and structured-output schema, and what {@link ModelReadNames}
     * reads (their names, a custom tool's grammar, message and file names), as one text; none: empty.
     */
    static List<String> toolTexts(JsonNode body) {
        List<String> texts = new ArrayList<>(1);
        StringBuilder tools = new StringBuilder();
        for (JsonNode tool : body.path("tools")) {
            descriptions(tool.path("function"), tools);
            descriptions(tool.path("custom"), tools);
        }
        for (JsonNode function : body.path("functions")) {
            descriptions(function, tools);
        }
        // a structured-output schema instructs the model too (its description, its properties'); the Responses API's
        // text.format arrives here as response_format (review43: a forbidden request in it was answered)
        descriptions(body.path("response_format").path("json_schema"), tools);
        // the names, a custom tool's grammar, message and file names (redteam46)
        ModelReadNames.append(body, tools);
        if (!tools.isEmpty()) {
            texts.add(tools.toString());
        }
        return texts;
    }

    /**
     * The {@code description} of a tool or function and those inside its parameters' schema, one a line — and the
     * schema's {@code title}s and the strings of its {@code enum}, {@code const}, {@code default} and {@code examples}
     * (redteam45: a forbidden request written as a parameter's only allowed value reached the model; the PII side reads
     * the same values as text), every string inside those values, and the property names (review45b).
     */
    private static void descriptions(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            for (String key : SCHEMA_TEXTS) {
                JsonNode d = node.get(key);
                if (d != null && d.isTextual() && !d.asText().isBlank()) {
                    out.append(d.asText()).append('\n');
                } else if (d != null && d.isContainerNode() && !key.equals("description")) {
                    // every string of an allowed, default or example value, however deep (review45b: an example object's
                    // string, {"examples": [{"opdracht": "…"}]}, was not read)
                    strings(d, out);
                }
            }
            // the property names: the model reads them as it reads the descriptions (review45b: a forbidden request
            // written as a property's name reached the model); an underscore reads as a space
            if (node.get("properties") instanceof com.fasterxml.jackson.databind.node.ObjectNode properties) {
                for (var property : properties.properties()) {
                    if (!property.getKey().isBlank()) {
                        out.append(property.getKey().replace('_', ' ')).append('\n');
                    }
                }
            }
            for (var field : node.properties()) {
                if (field.getValue().isContainerNode()) {
                    descriptions(field.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                descriptions(item, out);
            }
        }
    }

    /** Every string value and object key under {@code node}, one a line. */
    private static void strings(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            if (!node.asText().isBlank()) {
                out.append(node.asText()).append('\n');
            }
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                if (!field.getKey().isBlank()) {
                    out.append(field.getKey().replace('_', ' ')).append('\n');
                }
                strings(field.getValue(), out);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                strings(item, out);
            }
        }
    }

    /**
     * Texts of the messages that instruct the model: user, system and developer messages, every turn, all text parts of
     * a message joined — without the earlier assistant turns and tool results ({@link Conversation#instructions}): what
     * decides whether a refusal was caused by those.
     */
    static List<String> instructionTexts(JsonNode messages) {
        return Conversation.of(messages).instructions();
    }
}
