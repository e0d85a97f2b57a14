package nl.dijkwacht.purpose;

/** What the purpose guard concluded about a request. */
public enum Verdict {
    /** The request asks the model for a purpose the policy forbids (deciding on benefits, ranking applicants, fraud scores). */
    FORBIDDEN_PURPOSE,
    /** The request holds special-category data (GDPR art. 9/10) of a named or identifiable person. */
    PERSONAL_SPECIAL_CATEGORY,
    /** Neither: an ordinary request, a near miss, or a special category only as a topic. */
    ALLOWED
}
