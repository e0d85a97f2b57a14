package nl.dijkwacht.api;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's HTTP port speaks {@link SmallBufferHttp11Protocol}: 4 KB connection buffers instead of 8 KB. */
@Configuration(proxyBeanMethods = false)
public class ConnectionBuffers {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallConnectionBuffers() {
        return factory -> factory.setProtocol(SmallBufferHttp11Protocol.class.getName());
    }
}
