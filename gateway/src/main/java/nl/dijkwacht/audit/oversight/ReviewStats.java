package nl.dijkwacht.audit.oversight;

/**
 * Human review per use-case over answered chat requests: answers, reviews by outcome, the share accepted unchanged
 * (of reviewed answers: the automation-bias measure; null when nothing was reviewed) and how many answers that
 * require review have none.
 */
public record ReviewStats(String useCase, long answers, long reviewed, long acceptedUnchanged, long edited,
                          long rejected, Double acceptedUnchangedShare, boolean reviewRequired,
                          long unreviewedRequired) {
}
