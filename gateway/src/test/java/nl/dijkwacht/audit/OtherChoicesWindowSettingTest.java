package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import nl.dijkwacht.config.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code dijkwacht.audit.other-choices-window} (edges51): how many of a tenant's newest answers with other choices the
 * look-up of a resent turn reads — the bound audit50 set as a constant, now a setting checked while it is bound.
 */
class OtherChoicesWindowSettingTest {

    private static AuditProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("dijkwacht.audit", AuditProperties.class);
    }

    @Test
    void withoutTheSettingTheWindowIsAudit50s() {
        assertThat(bind(Map.of()).otherChoicesWindow()).isEqualTo(AuditProperties.DEFAULT_OTHER_CHOICES_WINDOW).isEqualTo(10_000);
    }

    @Test
    void aTenantWithMoreSuchAnswersADayCanWidenIt() {
        assertThat(bind(Map.of("dijkwacht.audit.other-choices-window", "50000")).otherChoicesWindow()).isEqualTo(50_000);
        assertThat(bind(Map.of("dijkwacht.audit.other-choices-window", "1")).otherChoicesWindow()).isEqualTo(1);
    }

    @Test
    void aWindowOutOfRangeStopsTheStartAndIsNamedWithoutItsValue() {
        for (String value : new String[] {"0", "-5", "1000001"}) {
            Throwable failure = catchThrowable(() -> bind(Map.of("dijkwacht.audit.other-choices-window", value)));
            assertThat(failure).as(value).hasRootCauseInstanceOf(InvalidSettingException.class);
            InvalidSettingException invalid = (InvalidSettingException) org.assertj.core.util.Throwables.getRootCause(failure);
            assertThat(invalid).as(value)
                    .hasMessage("dijkwacht.audit.other-choices-window (DIJKWACHT_AUDIT_OTHER_CHOICES_WINDOW): the number of answers"
                            + " must be between 1 and 1000000.")
                    .hasMessageNotContaining(value.equals("0") ? " 0" : value);
            assertThat(invalid.action()).contains("10000");
        }
    }
}
