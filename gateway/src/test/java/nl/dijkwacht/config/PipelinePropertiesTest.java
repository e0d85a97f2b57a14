package nl.dijkwacht.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** {@code dijkwacht.pipeline.start-ahead}: off unless switched on (the default chosen from the paused c=1 A/Bs of idle16 and first17). */
class PipelinePropertiesTest {

    private static PipelineProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("dijkwacht.pipeline", PipelineProperties.class);
    }

    @Test
    void withoutTheSettingEveryStepRunsOnTheRequestsThread() {
        assertThat(bind(Map.of()).startAhead()).isFalse();
    }

    @Test
    void theBenchmarkScriptsSwitchItBothWays() {
        assertThat(bind(Map.of("dijkwacht.pipeline.start-ahead", "true")).startAhead()).isTrue();
        assertThat(bind(Map.of("dijkwacht.pipeline.start-ahead", "false")).startAhead()).isFalse();
    }

    @Test
    void aValueThatIsNotTrueOrFalseIsNamedWithoutIt() {
        Throwable failure = catchThrowable(() -> bind(Map.of("dijkwacht.pipeline.start-ahead", "ja")));
        assertThat(failure).isInstanceOf(BindException.class);
        FailureAnalysis analysis = new UnreadableSettingFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).isEqualTo(
                "Dijkwacht cannot start: dijkwacht.pipeline.start-ahead (DIJKWACHT_PIPELINE_START_AHEAD): the value is not true or false.");
        assertThat(analysis.getAction()).doesNotContain("ja");
    }
}
