package nl.dijkwacht;

import nl.dijkwacht.audit.store.H2ValueCache;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DijkwachtApplication {

    public static void main(String[] args) {
        H2ValueCache.switchOff(); // before H2's first class loads
        SpringApplication.run(DijkwachtApplication.class, args);
    }
}
