package nl.dijkwacht.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A request whose {@code Content-Type} is a wildcard ({@code *}{@code /*}, {@code application/*}) is handled as one
 * without a {@code Content-Type}: the route answers 415 {@code unsupported_media_type} and records it like any other
 * refusal. Left as sent, Spring's request headers fail on it before any route is chosen ({@code HttpHeaders
 * .setContentType} refuses a wildcard once the request has a character encoding, which every request has), a 500
 * without an audit record (input26). Only such a request is wrapped; every other passes through untouched.
 */
final class WildcardContentType implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && isWildcard(http.getContentType())) {
            chain.doFilter(new WithoutContentType(http), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** A {@code *} in the type or subtype (before any parameter). */
    static boolean isWildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        int star = contentType.indexOf('*');
        return star >= 0 && (parameters < 0 || star < parameters);
    }

    private static final class WithoutContentType extends HttpServletRequestWrapper {

        WithoutContentType(HttpServletRequest request) {
            super(request);
        }

        private static boolean isContentType(String name) {
            return "Content-Type".equalsIgnoreCase(name);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return isContentType(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isContentType(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(n -> !isContentType(n)).toList());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<WildcardContentType> wildcardContentType() {
            FilterRegistrationBean<WildcardContentType> registration = new FilterRegistrationBean<>(new WildcardContentType());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            return registration;
        }
    }
}
