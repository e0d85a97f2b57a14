package nl.dijkwacht.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dijkwacht.pipeline.*}: how the request pipeline uses the machine's cores.
 *
 * @param startAhead {@code false} (the default): every policy step runs on the request's own thread. {@code true}:
 *                   while a core is idle, PII detection starts on a waiting helper thread right after the request is
 *                   parsed ({@code pipeline.StartsAhead}). Off since session 32: on two cores only a lone request
 *                   starts ahead, and for it waking the helper (and being woken by it) cost more than the overlap
 *                   saved after a pause, as a member of staff sends (docs/history/benchmark-sessions.md, idle16 and
 *                   first17); under load nothing starts ahead either way
 */
@ConfigurationProperties("dijkwacht.pipeline")
public record PipelineProperties(Boolean startAhead) {

    public PipelineProperties {
        startAhead = startAhead != null && startAhead;
    }
}
