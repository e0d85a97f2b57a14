package nl.dijkwacht;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DijkwachtApplication {

    public static void main(String[] args) {
        SpringApplication.run(DijkwachtApplication.class, args);
    }
}
