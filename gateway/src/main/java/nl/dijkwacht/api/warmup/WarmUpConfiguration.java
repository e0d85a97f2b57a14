package nl.dijkwacht.api.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.dijkwacht.audit.WarmUpAuditStore;
import nl.dijkwacht.config.DijkwachtProperties;
import nl.dijkwacht.identity.WarmUpPass;
import nl.dijkwacht.invoke.IdleWatchdog;
import nl.dijkwacht.invoke.LoopbackUpstream;
import nl.dijkwacht.pipeline.RequestPipeline;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.response.ReplyRewriter;
import nl.dijkwacht.routing.ModelRouter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The start-up warm-up with its settings ({@link WarmUpProperties}, {@code dijkwacht.warm-up.*}). */
@Configuration(proxyBeanMethods = false)
public class WarmUpConfiguration {

    /** Warms the request path before readiness (see {@link StartupWarmUp}); off in the test suite. */
    @Bean
    StartupWarmUp startupWarmUp(ActivePolicy policy, RequestPipeline pipeline, ModelRouter router, ReplyRewriter replies,
                                ObjectMapper dijkwachtJson, DijkwachtProperties properties, WarmUpProperties warmUp,
                                IdleWatchdog idleWatchdog, WarmUpPass warmUpPass, WarmUpAuditStore warmUpAuditStore,
                                ApplicationContext context, Environment environment) {
        return new StartupWarmUp(policy, pipeline, router, replies, dijkwachtJson, properties.tenant(), warmUp.enabled(),
                warmUp.bounds(), warmUpPass, () -> warmUp.overHttp() ? loopbackUrl(context, environment) : null,
                warmUp.httpThreads(), warmUp.httpRequests(), warmUp.upstreamCall()
                        ? () -> LoopbackUpstream.start(dijkwachtJson, idleWatchdog, router.invoker().settings())
                        : StartupWarmUp.UpstreamRehearsal.OFF,
                warmUp.scratchStore() ? warmUpAuditStore::open : StartupWarmUp.RecordRehearsal.OFF);
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
