package nl.dijkwacht.api.warmup;

import java.time.Duration;
import nl.dijkwacht.config.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dijkwacht.warm-up.*}: the start-up warm-up ({@link StartupWarmUp}) and when it ends (docs/deployment.md). The
 * image sets them as environment variables without the hyphens ({@code DIJKWACHT_WARMUP_READYWITHIN=30s}).
 *
 * @param enabled      whether it runs (default true; the test suite switches it off)
 * @param requests     at most this many made-up requests (default 20000; 0: none, as if off)
 * @param maxTime      at most this long (default 30s)
 * @param readyWithin  and no longer than until this long after the JVM started (default 0s: no such budget)
 * @param minTime      never shorter than this, also under {@code readyWithin} and {@code untilSteady} (default 10s)
 * @param untilSteady  end once the JIT compiler is quiet under the requests (default true)
 * @param overHttp     one thread sends its requests over HTTP to the gateway's own port (default true)
 * @param httpThreads  how many threads do so (default 1)
 * @param httpRequests at most this many requests over HTTP, all those threads together (default: no cap)
 * @param upstreamCall the direct thread's answers come from a model server on loopback (default true)
 * @param scratchStore on the embedded H2 file store, the records of the requests over HTTP are committed into a
 *                     throw-away copy of the store, deleted when the warm-up ends (default true; false: they are
 *                     written and rolled back)
 */
@ConfigurationProperties("dijkwacht.warm-up")
public record WarmUpProperties(Boolean enabled, Integer requests, Duration maxTime, Duration readyWithin,
                               Duration minTime, Boolean untilSteady, Boolean overHttp, Integer httpThreads,
                               Integer httpRequests, Boolean upstreamCall, Boolean scratchStore) {

    /** A count or time that cannot work stops the start ({@link InvalidSettingException}), naming the setting. */
    public WarmUpProperties {
        enabled = enabled == null || enabled;
        requests = atLeast("requests", requests, 20_000, 0, "the number of requests must be 0 (no warm-up) or more.");
        maxTime = notNegative("max-time", maxTime, Duration.ofSeconds(30));
        readyWithin = notNegative("ready-within", readyWithin, Duration.ZERO);
        minTime = notNegative("min-time", minTime, Duration.ofSeconds(10));
        untilSteady = untilSteady == null || untilSteady;
        overHttp = overHttp == null || overHttp;
        httpThreads = atLeast("http-threads", httpThreads, 1, 1,
                "at least one thread sends requests over HTTP (dijkwacht.warm-up.over-http=false: none).");
        httpRequests = atLeast("http-requests", httpRequests, Integer.MAX_VALUE, 0,
                "the number of requests over HTTP must be 0 (none) or more.");
        upstreamCall = upstreamCall == null || upstreamCall;
        scratchStore = scratchStore == null || scratchStore;
    }

    /** The count and time bounds in the form the runner takes them. */
    WarmUpBounds bounds() {
        return new WarmUpBounds(requests, maxTime, readyWithin, minTime, untilSteady);
    }

    private static int atLeast(String name, Integer value, int fallback, int least, String problem) {
        if (value == null) {
            return fallback;
        }
        if (value < least) {
            throw new InvalidSettingException("dijkwacht.warm-up." + name, problem, "Leave it out for the default.");
        }
        return value;
    }

    private static Duration notNegative(String name, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative()) {
            throw new InvalidSettingException("dijkwacht.warm-up." + name, "a time must not be negative.",
                    "Leave it out for the default, or give a time such as 30s (0s: none).");
        }
        return value;
    }
}
