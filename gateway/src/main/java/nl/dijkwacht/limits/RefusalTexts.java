package nl.dijkwacht.limits;

import java.time.Duration;
import nl.dijkwacht.policy.LimitsPolicy.Kind;
import nl.dijkwacht.policy.LimitsPolicy.Scope;

/** The Dutch messages of a 429: which limit, and when to try again. Names no user id. */
final class RefusalTexts {

    private RefusalTexts() {
    }

    static String message(Charge charge, Duration wait) {
        String whose = whose(charge.scope(), charge.subject());
        if (charge.kind() == Kind.REQUESTS_PER_MINUTE) {
            return "Te veel verzoeken in korte tijd: de limiet " + whose + " is " + charge.limit()
                    + " verzoeken per minuut. Probeer het over " + seconds(wait) + " opnieuw.";
        }
        String period = charge.kind() == Kind.TOKENS_PER_DAY ? "dag" : "maand";
        if (wait == null) {
            return "Dit verzoek vraagt naar schatting " + charge.amount() + " tokens, meer dan het hele " + period + "tegoed "
                    + whose + " (" + charge.limit() + " tokens). Verkort de tekst of verlaag max_tokens.";
        }
        String when = charge.kind() == Kind.TOKENS_PER_DAY ? "morgen om middernacht" : "op de eerste van de volgende maand";
        return "Het " + period + "tegoed " + whose + " is op (" + charge.limit() + " tokens per " + period
                + "; dit verzoek vraagt naar schatting " + charge.amount() + " tokens). Het tegoed wordt " + when
                + " aangevuld; vraag de functioneel beheerder als u eerder meer nodig heeft.";
    }

    private static String whose(Scope scope, String subject) {
        return switch (scope) {
            case USER -> "per medewerker";
            case DEPARTMENT -> "van afdeling '" + subject + "'";
            case TOOL -> "van tool '" + subject + "'";
            case USE_CASE -> "van toepassing '" + subject + "'";
            case TENANT -> "van organisatie '" + subject + "'";
        };
    }

    private static String seconds(Duration wait) {
        long s = wait == null ? 60 : Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        return s == 1 ? "1 seconde" : s + " seconden";
    }
}
