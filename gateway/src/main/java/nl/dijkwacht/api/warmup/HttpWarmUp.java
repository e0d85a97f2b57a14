package nl.dijkwacht.api.warmup;

import java.io.IOException;
import nl.dijkwacht.identity.WarmUpPass;
import nl.dijkwacht.pipeline.CallerHeaders;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warm-up's requests over HTTP to the gateway's own port (loopback), with the one-time key of {@link WarmUpPass}:
 * the HTTP server, Spring's dispatch, the route filters (pre-authentication limit, authentication, body size), the
 * handler, the policy steps, the built-in dry-run model, the answer rewriting of whole answers and streams, the audit
 * record and its write (rolled back: {@code ChainedJdbcAuditSink.rehearsal}), and the answer's serialisation. A request
 * that does not come back as an answer ends the HTTP part; the warm-up goes on to the pipeline directly.
 */
final class HttpWarmUp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpWarmUp.class);

    private final CloseableHttpClient client;
    private final String base;
    private final String key;
    private final WarmUpRequests requests;

    /**
     * @param base    {@code http://127.0.0.1:<port>} (see {@link StartupWarmUp.LoopbackAddress})
     * @param key     the warm-up's key, open while the warm-up runs
     * @param threads how many threads send at once (the client's pool has room for them)
     */
    HttpWarmUp(String base, String key, int threads, WarmUpRequests requests) {
        this.client = httpClient(threads);
        this.base = base;
        this.key = key;
        this.requests = requests;
    }

    /** One made-up request over HTTP; false when it did not come back as an answer (the warm-up then goes direct). */
    boolean send(WarmUpTarget target, int i) {
        try {
            ClassicHttpRequest request = ClassicRequestBuilder.post(base + "/v1/chat/completions")
                    .setHeader("Authorization", "Bearer " + key)
                    .setHeader(CallerHeaders.USE_CASE, target.useCase())
                    .setEntity(new ByteArrayEntity(requests.bytes(target, i), ContentType.APPLICATION_JSON))
                    .build();
            int status = client.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            if (status != 200) {
                log.info("warm-up over HTTP answered {}; the warm-up continues without HTTP", status);
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            log.info("warm-up over HTTP failed ({}); the warm-up continues without HTTP", e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * One request of each other OpenAI operation, with the warm-up's key like the chat requests (so nothing is recorded
     * or charged): the Responses API whole and streamed, legacy completions and embeddings, each once. Their own
     * classes (request translation, event stream, answer objects) would otherwise load in the first real one.
     *
     * @return how many of them came back as an answer (200)
     */
    int otherOperations(WarmUpTarget target) {
        int answered = 0;
        for (WarmUpRequests.Operation operation : WarmUpRequests.OTHER_OPERATIONS) {
            try {
                ClassicHttpRequest request = ClassicRequestBuilder.post(base + operation.path())
                        .setHeader("Authorization", "Bearer " + key)
                        .setHeader(CallerHeaders.USE_CASE, target.useCase())
                        .setEntity(new ByteArrayEntity(requests.bytes(target, operation), ContentType.APPLICATION_JSON))
                        .build();
                int status = client.execute(request, response -> {
                    EntityUtils.consume(response.getEntity());
                    return response.getCode();
                });
                if (status == 200) {
                    answered++;
                } else {
                    log.info("warm-up: {} answered {}", operation.path(), status);
                }
            } catch (IOException | RuntimeException e) {
                log.info("warm-up: {} not sent ({})", operation.path(), e.getClass().getSimpleName());
            }
        }
        return answered;
    }

    /**
     * The public pages, each fetched once without a key: the console's sign-in page and the transparency page. The
     * first page the gateway renders sets up the template engine (Thymeleaf's dialects, expression parser, the
     * console layout; several hundred classes, seconds on a busy machine); after this the first visitor does not pay
     * for it. Nothing is recorded or charged: the pages are public, the transparency report is read from the real store
     * (aggregates, computed at most once a minute anyway).
     *
     * @return how many of {@link #PAGES} answered 200
     */
    int pages() {
        int rendered = 0;
        for (String page : PAGES) {
            try {
                int status = client.execute(ClassicRequestBuilder.get(base + page).build(), response -> {
                    EntityUtils.consume(response.getEntity());
                    return response.getCode();
                });
                if (status == 200) {
                    rendered++;
                } else {
                    log.info("warm-up: {} answered {}", page, status);
                }
            } catch (IOException | RuntimeException e) {
                log.info("warm-up: {} not fetched ({})", page, e.getClass().getSimpleName());
            }
        }
        return rendered;
    }

    /** The public pages {@link #pages()} fetches. */
    static final java.util.List<String> PAGES = java.util.List.of("/console/inloggen", "/transparantie");

    @Override
    public void close() throws IOException {
        client.close();
    }

    private static CloseableHttpClient httpClient(int threads) {
        int connections = Math.max(4, threads);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(connections).setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(2))
                                .setSocketTimeout(Timeout.ofSeconds(30)).build())
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }
}
