package nl.dijkwacht.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dijkwacht.pipeline.*}: how the request pipeline uses the machine's cores.
 *
 * @param startAhead {@code true}: while a core is idle, PII detection starts on a helper thread right after the
 *                   request is parsed ({@code pipeline.StartsAhead}); default {@code false}: at c=1 it was not shown to
 *                   shorten the request and cost ~6 % CPU (docs/history/benchmark-sessions.md, "Session 23 — latency")
 */
@ConfigurationProperties("dijkwacht.pipeline")
public record PipelineProperties(Boolean startAhead) {

    public PipelineProperties {
        startAhead = startAhead != null && startAhead;
    }
}
