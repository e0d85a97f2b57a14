package nl.dijkwacht.audit.oversight;

import java.time.Instant;

/** What happened to one answer, as its tool reported it: accepted as is, edited or rejected, by whom (pseudonym). */
public record Review(String outcome, String reviewer, String tool, String finalTextHash, String finalHashKeyId,
                     Instant reportedAt) {
}
