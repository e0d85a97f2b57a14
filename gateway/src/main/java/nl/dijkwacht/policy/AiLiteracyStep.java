package nl.dijkwacht.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;

/**
 * AI-literacy gate (AI Act art. 4): a use-case with {@code ai-literacy: required} serves only staff whose AI-literacy
 * training is current — a training date in their verified access token (the issuer's {@code claims.ai-training}), or
 * an entry in {@code policies/ai-literacy.yaml} (by keyed pseudonym or SHA-256 of the user id) — no older than
 * {@code ai-literacy.valid-for-months} of governance.yaml. Otherwise a Dutch refusal (403
 * {@code ai_literacy_required}) that says where to get trained. The later of the two dates counts.
 */
public final class AiLiteracyStep implements PolicyStep {

    public static final String CODE = "ai_literacy_required";

    private final UnaryOperator<String> pseudonym;
    private final UnaryOperator<String> sha256;
    private final Clock clock;

    /**
     * @param pseudonym the audit's keyed pseudonym of a user id (the registry's {@code pseudonym} key)
     * @param sha256    SHA-256 hex of a user id (the registry's {@code user-sha256} key)
     */
    public AiLiteracyStep(UnaryOperator<String> pseudonym, UnaryOperator<String> sha256, Clock clock) {
        this.pseudonym = pseudonym;
        this.sha256 = sha256;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "ai-literacy";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        UseCasePolicy useCase = exchange.useCase();
        AiLiteracyPolicy literacy = exchange.policy().governance().aiLiteracy();
        if (useCase == null || !literacy.requiredFor(useCase.id())) {
            return Outcome.CONTINUE;
        }
        Caller caller = exchange.caller();
        String where = " Volg de training via " + literacy.trainingUrl() + " en probeer het daarna opnieuw.";
        if (!caller.identityEstablished() || caller.userId() == null && caller.aiTrainingDate() == null) {
            return Outcome.deny(Refusal.forbidden(CODE, "De toepassing '" + useCase.id() + "' is alleen beschikbaar voor"
                    + " medewerkers die de training AI-geletterdheid hebben gevolgd (AI-verordening art. 4). Daarvoor moet"
                    + " Dijkwacht weten wie u bent: uw tool moet uw toegangstoken meesturen in de header 'X-Dijkwacht-User-Token'."
                    + where, null), "ai-literacy:identity-required");
        }
        LocalDate registered = caller.userId() == null ? null
                : literacy.registered(pseudonym.apply(caller.userId()), sha256.apply(caller.userId())).orElse(null);
        LocalDate trained = latest(caller.aiTrainingDate(), registered);
        LocalDate today = LocalDate.now(clock);
        if (literacy.current(trained, today)) {
            return Outcome.CONTINUE;
        }
        String known = trained == null
                ? "Van u is geen gevolgde training bekend."
                : "Uw laatste training is van " + trained + "; een training telt " + literacy.validForMonths() + " maanden.";
        return Outcome.deny(Refusal.forbidden(CODE, "De toepassing '" + useCase.id() + "' is alleen beschikbaar voor"
                + " medewerkers die de training AI-geletterdheid hebben gevolgd (AI-verordening art. 4), niet langer dan "
                + literacy.validForMonths() + " maanden geleden. " + known + where, null),
                trained == null ? "ai-literacy:missing" : "ai-literacy:expired");
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
