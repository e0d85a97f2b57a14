package nl.dijkwacht.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns an {@link InvalidSettingException} anywhere in a failed start-up into Spring Boot's short report, no stack trace.
 * First in line whatever the class-path order: a settings record that refuses a value does so while Spring binds it,
 * and Spring Boot's own report of a binding failure, which quotes the value, matches that failure too.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis("Dijkwacht cannot start: " + cause.getMessage(), cause.action(), cause);
    }
}
