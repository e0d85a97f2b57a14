package nl.dijkwacht.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.RepeatedTexts;
import nl.dijkwacht.pii.detect.name.PersonNameRecognizer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code dijkwacht.pii.*}: the engine's two tables, as settings with the engine's defaults. */
class PiiPropertiesTest {

    private static PiiProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("dijkwacht.pii", PiiProperties.class);
    }

    @Test
    void withoutSettingsTheTablesHaveTheEnginesDefaults() {
        PiiProperties pii = bind(Map.of());
        assertThat(pii.repeatedTextSlots()).isEqualTo(RepeatedTexts.DEFAULT_SIZE).isEqualTo(4_096);
        assertThat(pii.nameWindowSlots()).isEqualTo(PersonNameRecognizer.DEFAULT_WINDOW_CACHE).isEqualTo(16_384);
        assertThat(new GatewayConfiguration().piiEngine(pii)).as("the engine every test context shares")
                .isSameAs(PiiEngine.dutchDefault());
    }

    @Test
    void zeroTurnsATableOffAndTheEngineGetsIt() {
        PiiProperties pii = bind(Map.of("dijkwacht.pii.repeated-text-cache", "0", "dijkwacht.pii.name-window-cache", "0"));
        assertThat(pii.repeatedTextSlots()).isZero();
        assertThat(pii.nameWindowSlots()).isZero();
        assertThat(new GatewayConfiguration().piiEngine(pii)).isSameAs(PiiEngine.dutch(0)).isNotSameAs(PiiEngine.dutchDefault());
    }

    @Test
    void aNumberOutOfRangeIsNamedWithoutItsValue() {
        PiiProperties pii = bind(Map.of("dijkwacht.pii.name-window-cache", "-1", "dijkwacht.pii.repeated-text-cache", "2000000000"));
        assertThat(catchThrowable(pii::nameWindowSlots)).isInstanceOf(InvalidSettingException.class)
                .hasMessage("dijkwacht.pii.name-window-cache (DIJKWACHT_PII_NAME_WINDOW_CACHE): the number of slots must be between 0 (off) and 1048576.");
        assertThat(catchThrowable(pii::repeatedTextSlots)).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("dijkwacht.pii.repeated-text-cache (DIJKWACHT_PII_REPEATED_TEXT_CACHE):")
                .hasMessageNotContaining("2000000000");
    }
}
