package nl.dijkwacht.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import nl.dijkwacht.audit.transparency.TenantReports;
import nl.dijkwacht.audit.transparency.TransparencyReport;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.web.servlet.function.RouterFunctions;

/**
 * The public report as JSON ({@code /transparantie.json}) and the algoritmeregister entries: no login, aggregates
 * only. The HTML page {@code /transparantie} is rendered by the console in the same look as its other pages. Those
 * addresses are the default tenant's; another tenant's are under {@code /transparantie/<tenant>}
 * ({@code /transparantie/<tenant>.json}, {@code /transparantie/<tenant>/algoritmeregister.json}, …), each from that
 * tenant's policy and records only.
 */
final class TransparencyRoutes {

    private final AuditHttp http;
    private final TenantReports reports;
    private final String defaultTenant;

    TransparencyRoutes(AuditHttp http, TenantReports reports, String defaultTenant) {
        this.http = http;
        this.reports = reports;
        this.defaultTenant = defaultTenant;
    }

    RouterFunctions.Builder addTo(RouterFunctions.Builder routes) {
        return routes
                .GET("/transparantie.json", r -> http.open((req, res) -> report(defaultTenant, res)))
                .GET("/transparantie/algoritmeregister.json", r -> http.open((req, res) -> register(defaultTenant, res)))
                .GET("/transparantie/algoritmeregister/{useCase}.json", r -> http.open((req, res) ->
                        entry(defaultTenant, r.pathVariable("useCase"), res)))
                .GET("/transparantie/{tenant}.json", r -> http.open((req, res) -> report(r.pathVariable("tenant"), res)))
                .GET("/transparantie/{tenant}/algoritmeregister.json", r -> http.open((req, res) ->
                        register(r.pathVariable("tenant"), res)))
                .GET("/transparantie/{tenant}/algoritmeregister/{useCase}.json", r -> http.open((req, res) ->
                        entry(r.pathVariable("tenant"), r.pathVariable("useCase"), res)));
    }

    private Optional<TransparencyReport> of(String tenant, HttpServletResponse res) {
        Optional<TransparencyReport> report = reports.of(tenant);
        if (report.isEmpty()) {
            http.refuse(res, Refusal.notFound("tenant_not_found", "Deze organisatie publiceert hier geen transparantieverslag.", "tenant"));
        }
        return report;
    }

    private void report(String tenant, HttpServletResponse res) throws IOException {
        Optional<TransparencyReport> report = of(tenant, res);
        if (report.isPresent()) {
            http.ok(res, report.get().report());
        }
    }

    private void register(String tenant, HttpServletResponse res) throws IOException {
        Optional<TransparencyReport> report = of(tenant, res);
        if (report.isPresent()) {
            http.ok(res, Map.of("standard_version", "1.0", "data", report.get().algoritmeregisterAll()));
        }
    }

    private void entry(String tenant, String useCase, HttpServletResponse res) throws IOException {
        Optional<TransparencyReport> report = of(tenant, res);
        if (report.isEmpty()) {
            return;
        }
        Map<String, Object> entry = report.get().algoritmeregister(useCase);
        if (entry == null) {
            http.refuse(res, Refusal.notFound("use_case_not_found", "Deze toepassing bestaat niet.", "useCase"));
        } else {
            http.ok(res, entry);
        }
    }
}
