package nl.dijkwacht.audit.web;

import static nl.dijkwacht.audit.web.AuditHttp.html;

import java.util.Map;
import nl.dijkwacht.audit.transparency.TransparencyPage;
import nl.dijkwacht.audit.transparency.TransparencyReport;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.web.servlet.function.RouterFunctions;

/** The public transparency page and algoritmeregister entries ({@code /transparantie*}): no login, aggregates only. */
final class TransparencyRoutes {

    private final AuditHttp http;
    private final TransparencyReport transparency;

    TransparencyRoutes(AuditHttp http, TransparencyReport transparency) {
        this.http = http;
        this.transparency = transparency;
    }

    RouterFunctions.Builder addTo(RouterFunctions.Builder routes) {
        return routes
                .GET("/transparantie", r -> http.open((req, res) -> html(res, TransparencyPage.html(transparency.report()))))
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
