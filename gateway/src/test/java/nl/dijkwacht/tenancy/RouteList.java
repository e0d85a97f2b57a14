package nl.dijkwacht.tenancy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the running gateway serves, as {@code "METHOD /pattern"}: the gateway routes (router functions, read
 * with Spring's route visitor) and the console's controllers (request mappings of classes in {@code nl.dijkwacht}).
 * Read from the application context, so an endpoint added tomorrow appears here without anyone listing it.
 */
final class RouteList {

    private RouteList() {
    }

    /**
     * What a route's {@code {id}} stands for, for one tenant's objects: its legal hold, its complaint, its use-case (the
     * use-case and suspension routes), an export that does not exist, or else a model ({@code dry-run}).
     */
    static String idFor(String pattern, long hold, long complaint, String useCase) {
        if (pattern.contains("/holds/") || pattern.contains("/bewaarplicht/")) {
            return String.valueOf(hold);
        } else if (pattern.contains("/complaints/") || pattern.contains("/klachten/")) {
            return String.valueOf(complaint);
        } else if (pattern.contains("/use-cases/") || pattern.contains("/beheer/")) {
            return useCase;
        } else if (pattern.contains("/export/")) {
            return "onbekend";
        }
        return "dry-run";
    }

    static Set<String> of(ApplicationContext context) {
        Set<String> out = new TreeSet<>();
        for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
            RouterFunction<?> function = mapping.getRouterFunction();
            if (function != null) {
                function.accept(new Collector(out));
            }
        }
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                if (!e.getValue().getBeanType().getName().startsWith("nl.dijkwacht.")) {
                    continue;
                }
                Set<String> methods = new TreeSet<>();
                e.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("ANY");
                }
                for (String pattern : e.getKey().getPatternValues()) {
                    methods.forEach(m -> out.add(m + " " + pattern));
                }
            }
        }
        return out;
    }

    /** Collects method and path of every route; nested routes add their prefix. */
    private static final class Collector implements RouterFunctions.Visitor, RequestPredicates.Visitor {

        private final Set<String> out;
        private final Deque<String> prefixes = new ArrayDeque<>();
        private Set<String> methods = new LinkedHashSet<>();
        private String path = "";

        Collector(Set<String> out) {
            this.out = out;
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            path = "";
            predicate.accept(this);
            prefixes.push(path);
        }

        @Override
        public void endNested(RequestPredicate predicate) {
            prefixes.pop();
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            methods = new LinkedHashSet<>();
            path = "";
            predicate.accept(this);
            String prefix = String.join("", prefixes.reversed());
            if (methods.isEmpty()) {
                methods.add("ANY");
            }
            String where = prefix + path;
            if (where.isEmpty() && methods.contains("ANY") && "Never".equals(String.valueOf(predicate))) {
                // the gateway's placeholder route that matches no request: no endpoint
                return;
            }
            // a route on something other than a path: named by its predicate
            String what = where.isEmpty() ? "<" + predicate + ">" : where;
            methods.forEach(m -> out.add(m + " " + what));
        }

        @Override
        public void resources(Function<ServerRequest, Optional<Resource>> lookupFunction) {
            out.add("RESOURCES " + lookupFunction);
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
            // a router function of its own making (no visitor support): named by its class
            out.add("ROUTER " + routerFunction.getClass().getName());
        }

        @Override
        public void method(Set<HttpMethod> httpMethods) {
            httpMethods.forEach(m -> methods.add(m.name()));
        }

        @Override
        public void path(String pattern) {
            path += pattern;
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void param(String name, String value) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
        }
    }
}
