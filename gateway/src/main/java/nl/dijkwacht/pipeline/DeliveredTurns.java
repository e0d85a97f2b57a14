package nl.dijkwacht.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Whether the gateway delivered an assistant turn a tool resends (turns28): the purpose guard asks only when such a turn
 * (or a tool result answering one) would cause a refusal. The audit trail keeps the keyed hash of every answer it
 * delivered ({@code audit.TurnHasher}); this hashes a resent turn the same way and looks the hashes up, within the
 * caller's tenant, in one indexed query.
 */
public interface DeliveredTurns {

    /** The store could not answer: the turn counts as not delivered (fail closed). */
    final class Unknown extends RuntimeException {
        public Unknown(Throwable cause) {
            super("delivered turns unknown", cause);
        }
    }

    /** The keyed hash of a turn: its text (may be null) and its tool calls ({@code [name, arguments]}), in order. */
    String hash(String content, List<String[]> calls);

    /**
     * A resent text split at its last line {@code ---} (whitespace collapsed): {@code [before, after]}, the part a gateway
     * answer had before its disclaimer and what followed; null when the text has no such line.
     */
    String[] beforeNote(String content);

    /**
     * @return those of {@code hashes} that the gateway delivered to a caller of {@code tenant}
     * @throws Unknown when the store cannot be asked
     */
    Set<String> delivered(String tenant, Collection<String> hashes);
}
