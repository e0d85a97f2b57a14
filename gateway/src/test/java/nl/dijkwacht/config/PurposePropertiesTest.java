package nl.dijkwacht.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import nl.dijkwacht.purpose.LayeredPurposeGuard;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code dijkwacht.purpose.*}: the guard's two switches, as settings with the guard's defaults. */
class PurposePropertiesTest {

    private static PurposeProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("dijkwacht.purpose", PurposeProperties.class);
    }

    @Test
    void withoutSettingsTheClassifierReadsNumbersAndTheTableHasTheGuardsDefault() {
        PurposeProperties purpose = bind(Map.of());
        assertThat(purpose.indexed()).isTrue();
        assertThat(purpose.repeatedMessageSlots()).isEqualTo(LayeredPurposeGuard.DEFAULT_REPEATED_MESSAGES).isEqualTo(2_048);
    }

    @Test
    void bothSwitchOffForComparisons() {
        PurposeProperties purpose = bind(Map.of("dijkwacht.purpose.indexed-classifier", "false",
                "dijkwacht.purpose.repeated-message-cache", "0"));
        assertThat(purpose.indexed()).isFalse();
        assertThat(purpose.repeatedMessageSlots()).isZero();
    }

    @Test
    void aNumberOutOfRangeIsNamedWithoutItsValue() {
        PurposeProperties purpose = bind(Map.of("dijkwacht.purpose.repeated-message-cache", "-3"));
        assertThat(catchThrowable(purpose::repeatedMessageSlots)).isInstanceOf(InvalidSettingException.class)
                .hasMessage("dijkwacht.purpose.repeated-message-cache (DIJKWACHT_PURPOSE_REPEATED_MESSAGE_CACHE): the number of slots"
                        + " must be between 0 (off) and 1048576.")
                .hasMessageNotContaining("-3");
    }
}
