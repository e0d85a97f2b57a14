package nl.dijkwacht.pipeline;

/**
 * What the purpose guard found about one earlier assistant turn or tool result of a request (turns28), for
 * {@code /admin/explain}: its place ({@code message}: index in the chat messages), its role, whether the gateway
 * delivered it ({@code delivered}, {@code delivered-before-note}: the text before a line {@code ---} was, what follows
 * was read; {@code answer-delivered}: a tool result answering a delivered call; {@code not-delivered};
 * {@code unverified}: the store could not say) and whether it, read with the instructions, would be refused on its own
 * ({@code matched}; only worked out when the request was refused for such a text, for the first 32). Never any text.
 */
public record TurnCheck(int message, String role, String status, boolean matched) {
}
