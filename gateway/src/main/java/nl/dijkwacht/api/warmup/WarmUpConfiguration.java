package nl.dijkwacht.api.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import nl.dijkwacht.config.DijkwachtProperties;
import nl.dijkwacht.identity.WarmUpPass;
import nl.dijkwacht.invoke.IdleWatchdog;
import nl.dijkwacht.invoke.LoopbackUpstream;
import nl.dijkwacht.pipeline.RequestPipeline;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.response.ReplyRewriter;
import nl.dijkwacht.routing.ModelRouter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The start-up warm-up and its settings ({@code dijkwacht.warm-up.*}, listed in docs/deployment.md). */
@Configuration(proxyBeanMethods = false)
public class WarmUpConfiguration {

    /** Warms the request path before readiness (see {@link StartupWarmUp}); off in the test suite. */
    @Bean
    StartupWarmUp startupWarmUp(ActivePolicy policy, RequestPipeline pipeline, ModelRouter router, ReplyRewriter replies,
                                ObjectMapper dijkwachtJson, DijkwachtProperties properties,
                                @Value("${dijkwacht.warm-up.enabled:true}") boolean enabled,
                                @Value("${dijkwacht.warm-up.requests:20000}") int requests,
                                @Value("${dijkwacht.warm-up.max-time:30s}") Duration maxTime,
                                @Value("${dijkwacht.warm-up.ready-within:0s}") Duration readyWithin,
                                @Value("${dijkwacht.warm-up.min-time:10s}") Duration minTime,
                                @Value("${dijkwacht.warm-up.until-steady:true}") boolean untilSteady,
                                @Value("${dijkwacht.warm-up.over-http:true}") boolean overHttp,
                                @Value("${dijkwacht.warm-up.http-threads:1}") int httpThreads,
                                @Value("${dijkwacht.warm-up.http-requests:" + Integer.MAX_VALUE + "}") int httpRequests,
                                @Value("${dijkwacht.warm-up.upstream-call:true}") boolean upstreamCall,
                                IdleWatchdog idleWatchdog, WarmUpPass warmUpPass, ApplicationContext context,
                                Environment environment) {
        return new StartupWarmUp(policy, pipeline, router, replies, dijkwachtJson, properties.tenant(), enabled,
                new WarmUpBounds(requests, maxTime, readyWithin, minTime, untilSteady), warmUpPass,
                () -> overHttp ? loopbackUrl(context, environment) : null, httpThreads, httpRequests, upstreamCall
                        ? () -> LoopbackUpstream.start(dijkwachtJson, idleWatchdog, router.invoker().settings())
                        : StartupWarmUp.UpstreamRehearsal.OFF);
    }

    /** The gateway's own port on loopback (or on the one address it is bound to); {@code null} without a web server. */
    static String loopbackUrl(ApplicationContext context, Environment environment) {
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null || web.getWebServer().getPort() <= 0) {
            return null;
        }
        String address = environment.getProperty("server.address", "");
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + web.getWebServer().getPort()
                + environment.getProperty("server.servlet.context-path", "");
    }
}
