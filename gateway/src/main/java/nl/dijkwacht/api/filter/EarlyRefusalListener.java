package nl.dijkwacht.api.filter;

/**
 * Told about every {@link EarlyRefusal}, in order, before the answer is written. Implementations are Spring beans;
 * they must be cheap and must not throw (a failure is logged and the refusal stands). This is where the audit trail
 * or aggregated counters (failed authentications per source and minute) hear about requests no handler saw.
 */
public interface EarlyRefusalListener {

    void refused(EarlyRefusal refusal);
}
