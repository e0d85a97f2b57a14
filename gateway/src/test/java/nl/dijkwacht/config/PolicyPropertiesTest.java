package nl.dijkwacht.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code dijkwacht.policy.poll-interval}: how soon every replica sees an edited policy or a kill switch. */
class PolicyPropertiesTest {

    private static PolicyProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("dijkwacht.policy", PolicyProperties.class);
    }

    @Test
    void withoutTheSettingThePolicyIsPolledTwiceASecond() {
        assertThat(bind(Map.of()).pollInterval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aSetIntervalBindsAndZeroSwitchesPollingOff() {
        assertThat(bind(Map.of("dijkwacht.policy.poll-interval", "5s")).pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bind(Map.of("dijkwacht.policy.poll-interval", "250")).pollInterval()).as("a bare number: milliseconds")
                .isEqualTo(Duration.ofMillis(250));
        assertThat(bind(Map.of("dijkwacht.policy.poll-interval", "0s")).pollInterval()).isZero();
    }

    @Test
    void anIntervalTheWatcherCannotScheduleIsNamedWithoutItsValue() {
        for (String value : new String[] {"-1s", "500us"}) {
            assertThat(catchThrowable(() -> bind(Map.of("dijkwacht.policy.poll-interval", value)))).as(value)
                    .rootCause().isInstanceOf(InvalidSettingException.class)
                    .hasMessage("dijkwacht.policy.poll-interval (DIJKWACHT_POLICY_POLL_INTERVAL): the interval must be 0 (not polled) or at least 1ms.");
        }
    }

    @Test
    void aValueThatIsNoTimeIsNamedWithoutIt() {
        Throwable failure = catchThrowable(() -> bind(Map.of("dijkwacht.policy.poll-interval", "vaak")));
        assertThat(failure).isInstanceOf(BindException.class);
        assertThat(new UnreadableSettingFailureAnalyzer().analyze(failure).getDescription()).isEqualTo("Dijkwacht cannot start: "
                + "dijkwacht.policy.poll-interval (DIJKWACHT_POLICY_POLL_INTERVAL): the value is not a time such as 500ms, 30s or 1h.");
    }
}
