package nl.dijkwacht.pipeline;

/** What a policy step decided. A decision is a value, not an exception. */
public sealed interface Outcome permits Outcome.Continue, Outcome.Rewrite, Outcome.Deny {

    /** Nothing changed; go on. */
    record Continue() implements Outcome {
    }

    /** The step changed the request (redacted it, or sent it to another model); {@code rule} says which rule did. */
    record Rewrite(Decision effect, String rule) implements Outcome {
    }

    /** Stop here and answer with this refusal; {@code rule} says which rule decided. */
    record Deny(Refusal refusal, String rule) implements Outcome {
    }

    Outcome CONTINUE = new Continue();

    static Outcome rewrite(Decision effect, String rule) {
        return new Rewrite(effect, rule);
    }

    static Outcome deny(Refusal refusal, String rule) {
        return new Deny(refusal, rule);
    }
}
