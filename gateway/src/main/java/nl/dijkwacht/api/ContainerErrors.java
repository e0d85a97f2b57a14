package nl.dijkwacht.api;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import nl.dijkwacht.api.filter.EarlyRefusals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Makes Tomcat answer its own rejections in the OpenAI error format ({@link OpenAiErrorReportValve}). */
@Configuration(proxyBeanMethods = false)
public class ContainerErrors {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> openAiErrorReports(ObjectProvider<EarlyRefusals> refusals) {
        return new Customizer(refusals);
    }

    /** Runs after Spring Boot's own Tomcat customizers, which add a plain ErrorReportValve. */
    static final class Customizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final ObjectProvider<EarlyRefusals> refusals;

        Customizer(ObjectProvider<EarlyRefusals> refusals) {
            this.refusals = refusals;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof Host host) {
                    boolean ours = false;
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof OpenAiErrorReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                        ours |= valve instanceof OpenAiErrorReportValve;
                    }
                    if (!ours) {
                        // an instance of ours (Tomcat would make one by its class name, without the listeners): a request
                        // head over the size limit never reaches Spring, so the valve itself reports it (auth28)
                        host.getPipeline().addValve(new OpenAiErrorReportValve(refusals::getIfAvailable));
                    }
                    if (host instanceof StandardHost standard) {
                        standard.setErrorReportValveClass(OpenAiErrorReportValve.class.getName());
                    }
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
