package nl.dijkwacht.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dijkwacht.pipeline.*}: how the request pipeline uses the machine's cores.
 *
 * @param startAhead {@code true} (the default): while a core is idle, PII detection starts on a waiting helper thread
 *                   right after the request is parsed ({@code pipeline.StartsAhead}); at c=1 it was ahead in 13 of 16
 *                   interleaved rounds over sessions 27 and 28 (first chunk about −0.3 ms, CPU +2 %), and under load
 *                   nothing starts ahead (docs/history/benchmark-sessions.md, "latency11" and "Session 28")
 */
@ConfigurationProperties("dijkwacht.pipeline")
public record PipelineProperties(Boolean startAhead) {

    public PipelineProperties {
        startAhead = startAhead == null || startAhead;
    }
}
