package nl.dijkwacht.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Map;
import nl.dijkwacht.config.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code dijkwacht.telemetry.chain-check-interval}: how often a replica verifies its own audit chains. */
class TelemetryPropertiesTest {

    private static TelemetryProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("dijkwacht.telemetry", TelemetryProperties.class);
    }

    @Test
    void withoutTheSettingTheChainIsCheckedHourly() {
        assertThat(bind(Map.of()).chainCheckInterval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theWholeChainIsWalkedDailyUnlessSetOtherwise() {
        assertThat(bind(Map.of()).chainFullWalkInterval()).isEqualTo(Duration.ofHours(24));
        assertThat(bind(Map.of("dijkwacht.telemetry.chain-full-walk-interval", "6h")).chainFullWalkInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(catchThrowable(() -> bind(Map.of("dijkwacht.telemetry.chain-full-walk-interval", "-1h"))))
                .rootCause().isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("dijkwacht.telemetry.chain-full-walk-interval (DIJKWACHT_TELEMETRY_CHAIN_FULL_WALK_INTERVAL)");
    }

    @Test
    void aSetIntervalBindsAndZeroSwitchesTheCheckOff() {
        assertThat(bind(Map.of("dijkwacht.telemetry.chain-check-interval", "15m")).chainCheckInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(bind(Map.of("dijkwacht.telemetry.chain-check-interval", "0")).chainCheckInterval()).isZero();
    }

    @Test
    void anIntervalThatCannotBeScheduledIsNamedWithoutItsValue() {
        for (String value : new String[] {"-1h", "10us"}) {
            assertThat(catchThrowable(() -> bind(Map.of("dijkwacht.telemetry.chain-check-interval", value)))).as(value)
                    .rootCause().isInstanceOf(InvalidSettingException.class)
                    .hasMessage("dijkwacht.telemetry.chain-check-interval (DIJKWACHT_TELEMETRY_CHAIN_CHECK_INTERVAL): "
                            + "the interval must be 0 (never checked) or at least 1ms.");
        }
    }
}
