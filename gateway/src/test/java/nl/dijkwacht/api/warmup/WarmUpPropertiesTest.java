package nl.dijkwacht.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Map;
import nl.dijkwacht.config.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code dijkwacht.warm-up.*}: the warm-up's ten settings, with the defaults they had as single values. */
class WarmUpPropertiesTest {

    private static WarmUpProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("dijkwacht.warm-up", WarmUpProperties.class);
    }

    private static Throwable refused(String setting, String value) {
        Throwable failure = catchThrowable(() -> bind(Map.of(setting, value)));
        assertThat(failure).as(setting + "=" + value).isNotNull();
        return failure;
    }

    @Test
    void withoutSettingsTheWarmUpRunsAsBefore() {
        WarmUpProperties warmUp = bind(Map.of());
        assertThat(warmUp.enabled()).isTrue();
        assertThat(warmUp.bounds()).isEqualTo(new WarmUpBounds(20_000, Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(10), true));
        assertThat(warmUp.overHttp()).isTrue();
        assertThat(warmUp.httpThreads()).isEqualTo(1);
        assertThat(warmUp.httpRequests()).as("no cap").isEqualTo(Integer.MAX_VALUE);
        assertThat(warmUp.upstreamCall()).isTrue();
        assertThat(warmUp.scratchStore()).isTrue();
    }

    @Test
    void everySettingBinds() {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("dijkwacht.warm-up.enabled", "false",
                "dijkwacht.warm-up.requests", "120", "dijkwacht.warm-up.max-time", "10m", "dijkwacht.warm-up.ready-within", "30s",
                "dijkwacht.warm-up.min-time", "2s", "dijkwacht.warm-up.until-steady", "false", "dijkwacht.warm-up.over-http", "false",
                "dijkwacht.warm-up.http-threads", "3", "dijkwacht.warm-up.http-requests", "7",
                "dijkwacht.warm-up.upstream-call", "false"));
        settings.put("dijkwacht.warm-up.scratch-store", "false");
        WarmUpProperties warmUp = bind(settings);
        assertThat(warmUp.enabled()).isFalse();
        assertThat(warmUp.bounds()).isEqualTo(new WarmUpBounds(120, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(2), false));
        assertThat(warmUp.overHttp()).isFalse();
        assertThat(warmUp.httpThreads()).isEqualTo(3);
        assertThat(warmUp.httpRequests()).isEqualTo(7);
        assertThat(warmUp.upstreamCall()).isFalse();
        assertThat(warmUp.scratchStore()).isFalse();
    }

    /** deploy/Dockerfile and deploy/aot-train.sh write them without the hyphens; the surefire environment switches it off. */
    @Test
    void theImagesEnvironmentVariablesBind() {
        var environment = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("DIJKWACHT_WARMUP_READYWITHIN", "30s",
                "DIJKWACHT_WARMUP_MAXTIME", "120s", "DIJKWACHT_WARMUP_MINTIME", "20s", "DIJKWACHT_WARMUP_REQUESTS", "200000",
                "DIJKWACHT_WARMUP_ENABLED", "false", "DIJKWACHT_WARM_UP_HTTP_THREADS", "2"));
        WarmUpProperties warmUp = new Binder(ConfigurationPropertySources.from(environment))
                .bindOrCreate("dijkwacht.warm-up", WarmUpProperties.class);
        assertThat(warmUp.bounds()).isEqualTo(new WarmUpBounds(200_000, Duration.ofSeconds(120), Duration.ofSeconds(30), Duration.ofSeconds(20), true));
        assertThat(warmUp.enabled()).isFalse();
        assertThat(warmUp.httpThreads()).as("the form the start-up message names").isEqualTo(2);
    }

    @Test
    void zeroMeansNoneWhereItCan() {
        WarmUpProperties warmUp = bind(Map.of("dijkwacht.warm-up.requests", "0", "dijkwacht.warm-up.http-requests", "0",
                "dijkwacht.warm-up.max-time", "0s", "dijkwacht.warm-up.min-time", "0s"));
        assertThat(warmUp.bounds()).isEqualTo(new WarmUpBounds(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, true));
        assertThat(warmUp.httpRequests()).isZero();
    }

    @Test
    void aCountOrTimeThatCannotWorkIsNamedWithoutItsValue() {
        assertThat(refused("dijkwacht.warm-up.http-threads", "0")).rootCause().isInstanceOf(InvalidSettingException.class)
                .hasMessage("dijkwacht.warm-up.http-threads (DIJKWACHT_WARM_UP_HTTP_THREADS): at least one thread sends "
                        + "requests over HTTP (dijkwacht.warm-up.over-http=false: none).");
        assertThat(refused("dijkwacht.warm-up.requests", "-20000")).rootCause().isInstanceOf(InvalidSettingException.class)
                .hasMessage("dijkwacht.warm-up.requests (DIJKWACHT_WARM_UP_REQUESTS): the number of requests must be 0 (no warm-up) or more.");
        assertThat(refused("dijkwacht.warm-up.http-requests", "-7")).rootCause().isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("dijkwacht.warm-up.http-requests (DIJKWACHT_WARM_UP_HTTP_REQUESTS):")
                .hasMessageNotContaining("-7");
        for (String time : new String[] {"max-time", "ready-within", "min-time"}) {
            assertThat(refused("dijkwacht.warm-up." + time, "-30s")).rootCause().isInstanceOf(InvalidSettingException.class)
                    .hasMessageStartingWith("dijkwacht.warm-up." + time + " (")
                    .hasMessageEndingWith("): a time must not be negative.");
        }
    }
}
