package nl.dijkwacht.config;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionException;

/**
 * A {@code dijkwacht.*} setting whose value is not of its kind ({@code start-ahead=ja}, {@code poll-interval=vaak}):
 * the same one-sentence report as {@link InvalidSettingFailureAnalyzer}, saying what kind of value it takes, instead
 * of Spring Boot's report that quotes the value (ahead of it whatever the class-path order).
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public final class UnreadableSettingFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        String setting = cause.getName().toString();
        if (!setting.startsWith("dijkwacht.") || !causedBy(cause, ConversionException.class)) {
            return null;
        }
        Class<?> type = cause.getTarget().getType().resolve(Object.class);
        InvalidSettingException unreadable = new InvalidSettingException(setting, "the value is not " + kind(type) + ".",
                "Leave it out for the default (docs/admin-guide.md, \"Settings\").");
        return new FailureAnalysis("Dijkwacht cannot start: " + unreadable.getMessage(), unreadable.action(), cause);
    }

    private static String kind(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Duration.class) {
            return "a time such as 500ms, 30s or 1h";
        }
        return "a value of type " + type.getSimpleName();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
