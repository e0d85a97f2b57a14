package nl.dijkwacht.audit.chain;

/**
 * Outcome of walking one chain. {@code problem} is the first broken or missing link, or {@code null} when every
 * link from the first record (or checkpoint) to the head checks out. {@code lastHash} (with {@code lastSeq}) is the
 * last link verified, where a later verification may resume (null when a problem was found); {@code resumedFrom} the
 * seq the walk started after (0: from the first link).
 */
public record VerifyReport(
        String chainId,
        boolean ok,
        long recordsChecked,
        long checkpointsUsed,
        long lastSeq,
        long headSeq,
        Problem problem,
        String lastHash,
        long resumedFrom) {

    /**
     * @param kind {@code hash_mismatch} (record edited), {@code broken_link} (predecessor hash differs: reordered or
     *             replaced), {@code missing} (seq gap without checkpoint: deleted), {@code duplicate_seq},
     *             {@code truncated} (head says more records exist), {@code head_invalid}, {@code head_missing},
     *             {@code checkpoint_invalid}, {@code derived_mismatch} (search columns edited),
     *             {@code unknown_chain_key}, {@code unreadable}, {@code anchor_mismatch}
     */
    public record Problem(String kind, long seq, String traceId, String detail) {
    }
}
