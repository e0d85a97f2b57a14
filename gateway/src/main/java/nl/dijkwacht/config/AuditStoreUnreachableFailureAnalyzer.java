package nl.dijkwacht.config;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The audit store does not answer at start-up (wrong host or port, database down, refused login): one sentence naming
 * {@code spring.datasource.url} instead of the stack trace of the migration tool. Connection-class SQL states only
 * ({@code 08xxx}, {@code 28xxx} for authentication); other SQL errors keep Spring Boot's usual report.
 */
public final class AuditStoreUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState();
        if (state == null || !(state.startsWith("08") || state.startsWith("28"))) {
            return null;
        }
        String what = state.startsWith("28") ? "refused the login" : "cannot be reached";
        return new FailureAnalysis(
                "Dijkwacht cannot start: the audit store (spring.datasource.url, SPRING_DATASOURCE_URL) " + what
                        + " (SQLState " + state + ": " + cause.getMessage() + "). Without its audit store the gateway serves no request.",
                "Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, and that PostgreSQL is running and reachable from this host.",
                cause);
    }
}
