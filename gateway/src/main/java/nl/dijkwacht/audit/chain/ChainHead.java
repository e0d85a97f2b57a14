package nl.dijkwacht.audit.chain;

import java.time.Instant;

/** The newest link of a chain as read at {@code readAt}: an anchor to record outside the database. */
public record ChainHead(String chainId, long seq, String hash, Instant readAt) {
}
