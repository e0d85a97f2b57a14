package nl.dijkwacht.purpose;

import java.time.Duration;

/**
 * The third layer: a small approved on-premises model asked a yes/no question about a request when the first
 * layers are unsure. Implementations call it through the gateway's routing/invocation service within the budget.
 */
public interface GuardModel {

    enum Question {
        /** Does the request ask the model to decide on benefits, select applicants or score residents for fraud? */
        FORBIDDEN_PURPOSE,
        /** Does the request hold special-category data of a named or identifiable person (not only a topic)? */
        PERSONAL_SPECIAL_CATEGORY
    }

    /** The model's answer, or a failure (timeout, outage, an answer that is neither yes nor no). */
    sealed interface Answer permits Yes, No, Failed {
    }

    record Yes() implements Answer {
    }

    record No() implements Answer {
    }

    /** @param reason a short machine word (timeout, unreachable, unparseable …), never model or prompt text */
    record Failed(String reason) implements Answer {
    }

    Answer ask(String modelId, Question question, String text, Duration budget);
}
