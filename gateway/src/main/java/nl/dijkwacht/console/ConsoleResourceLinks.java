package nl.dijkwacht.console;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The filter that gives the pages' resource links their versions ({@code @{/webjars/htmx.org/dist/htmx.min.js}} becomes
 * {@code /webjars/htmx.org/2.0.4/dist/htmx.min.js}), only where the pages are: the console and the public transparency
 * page. Spring Boot registers it for every request once a WebJars locator is present, so every model-API request paid for
 * its request and response wrappers (docs/history/benchmark-sessions.md, "http13"). Defining the registration here stands
 * in for Boot's (it backs off when one exists); dispatcher types as Boot's.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleResourceLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> consoleResourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.addUrlPatterns("/console/*", "/transparantie/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}
