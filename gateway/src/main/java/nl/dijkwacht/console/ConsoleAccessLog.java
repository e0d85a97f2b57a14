package nl.dijkwacht.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who looked at the audit trail through the console, like the auditor API's access log: operator id, method and
 * path — never the query or a form body (they could name a person). Console paths carry only trace ids, search ids
 * and page cursors.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleAccessLog implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAccessLog.class);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                ConsoleUser user = ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
                if (user != null) {
                    log.info("console audit access by {}: {} {}", user.operatorId(), request.getMethod(), request.getRequestURI());
                }
                return true;
            }
        }).addPathPatterns("/console/audit/**", "/console/toezicht/**");
    }
}
