package nl.dijkwacht.purpose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.GuardModelCall;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.MatchBudgetExceeded;
import nl.dijkwacht.policy.PurposeGuardPolicy;

/**
 * Refuses requests that ask for a forbidden purpose (policies/governance.yaml, {@code forbidden-purposes}) — deciding
 * on benefits, selecting job applicants, scoring residents for fraud (AI Act Annex III, GDPR art. 22) — with the
 * layered guard ({@link LayeredPurposeGuard}: rules, in-process classifier, guard model when unsure). It also judges
 * whether special-category terms are a person's data or a topic; that judgement is kept on the exchange for the
 * sensitivity-routing step. It reads what the staff member and the tool wrote (user, system and developer messages),
 * not the model's earlier answers; since guard27 also the descriptions of the tools the request defines (and of its
 * structured-output schema, review43), and every text
 * with its disguises undone ({@link PurposeText}). The refusal names the purpose, its legal basis and what is allowed instead; the
 * audit rule names the decision, the layer and its score ({@code purpose:<id>/<layer>/<score>}), never the text.
 */
public final class PurposeGuardStep implements PolicyStep {

    private final LayeredPurposeGuard guard;
    private final GuardModelClient guardModels;

    /** @param guardModels asks a use-case's guard model; {@code null}: no guard model is ever asked */
    public PurposeGuardStep(LayeredPurposeGuard guard, GuardModelClient guardModels) {
        this.guard = guard;
        this.guardModels = guardModels;
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
        List<String> texts = requestTexts(exchange.request().body());
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
        } catch (MatchBudgetExceeded e) {
            return budgetExceeded(exchange, rules, e.ruleId());
        }
        exchange.purposeJudgement(judgement.verdict() == Verdict.PERSONAL_SPECIAL_CATEGORY,
                judgement.verdict() == Verdict.ALLOWED && judgement.specialTerm(), judgement.decision());
        if (!judgement.refusesPurpose()) {
            return Outcome.CONTINUE;
        }
        ForbiddenPurpose rule = rules.stream().filter(r -> r.id().equals(judgement.purposeId())).findFirst().orElseThrow();
        return Outcome.deny(Refusal.forbidden("forbidden_purpose", message(rule) + flagHint(exchange.traceId()), "messages"),
                "purpose:" + judgement.summary()
                .substring("forbidden-purpose:".length()));
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
        List<String> texts = new ArrayList<>();
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
        if (!tools.isEmpty()) {
            texts.add(tools.toString());
        }
        texts.addAll(instructionTexts(body.path("messages")));
        return texts;
    }

    /** The {@code description} of a tool or function and those inside its parameters' schema, one a line. */
    private static void descriptions(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            JsonNode d = node.get("description");
            if (d != null && d.isTextual() && !d.asText().isBlank()) {
                out.append(d.asText()).append('\n');
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

    /**
     * Texts of the messages that instruct the model: user, system and developer messages, every turn, all text parts of
     * a message joined. Not read: assistant messages (the model's earlier answers) and tool or function results (what a
     * tool fetched: a document, a case file) — data the model was given or gave, not what staff or the tool ask of it;
     * an answer or a retrieved document that explains the rules ("u kunt laten beoordelen of u recht heeft op …") would
     * otherwise refuse the conversation that follows it.
     */
    static List<String> instructionTexts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : messages) {
            String role = message.path("role").asText("");
            if (role.equals("assistant") || role.equals("tool") || role.equals("function")) {
                continue;
            }
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                texts.add(content.asText());
            } else if (content.isArray()) {
                StringBuilder joined = new StringBuilder();
                for (JsonNode part : content) {
                    if (part.path("text").isTextual()) {
                        joined.append(part.path("text").asText()).append('\n');
                    }
                }
                texts.add(joined.toString());
            }
        }
        return texts;
    }
}
