package nl.dijkwacht.audit.web;

import java.util.Map;
import nl.dijkwacht.audit.transparency.TransparencyReport;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.web.servlet.function.RouterFunctions;

/**
 * The public report as JSON ({@code /transparantie.json}) and the algoritmeregister entries: no login, aggregates
 * only. The HTML page {@code /transparantie} is rendered by the console in the same look as its other pages.
 */
final class TransparencyRoutes {

    private final AuditHttp http;
    private final TransparencyReport transparency;

    TransparencyRoutes(AuditHttp http, TransparencyReport transparency) {
        this.http = http;
        this.transparency = transparency;
    }

    RouterFunctions.Builder addTo(RouterFunctions.Builder routes) {
        return routes
                .GET("/transparantie.json", r -> http.open((req, res) -> http.ok(res, transparency.report())))
                .GET("/transparantie/algoritmeregister.json", r -> http.open((req, res) -> http.ok(res,
                        Map.of("standard_version", "1.0", "data", transparency.algoritmeregisterAll()))))
                .GET("/transparantie/algoritmeregister/{useCase}.json", r -> http.open((req, res) -> {
                    Map<String, Object> entry = transparency.algoritmeregister(r.pathVariable("useCase"));
                    if (entry == null) {
                        http.refuse(res, Refusal.notFound("use_case_not_found", "Deze toepassing bestaat niet.", "useCase"));
                    } else {
                        http.ok(res, entry);
                    }
                }));
    }
}
