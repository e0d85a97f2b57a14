package nl.dijkwacht.console.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.oversight.Oversight;
import nl.dijkwacht.audit.oversight.ReviewStats;
import nl.dijkwacht.audit.query.AuditVerification;
import nl.dijkwacht.audit.query.UsageQueries;
import nl.dijkwacht.catalog.ModelDefinition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard, for administrators and auditors alike (aggregates only, no single request): usage over time per
 * model, use-case and department; decisions and refusal reasons; upstream failures and fallbacks; human review and
 * the automation-bias measure; models near or past their evaluation date; the chain status.
 */
@Controller
class DashboardController {

    /** A model whose evaluation date is this close is "near" it. */
    static final int EVALUATION_WARNING_DAYS = 60;

    private final UsageQueries usage;
    private final Oversight oversight;
    private final AuditVerification verification;
    private final ChainVerifier chains;
    private final nl.dijkwacht.console.ConsoleTenancy tenancy;
    private final ObjectMapper json;
    private final Clock clock;

    DashboardController(UsageQueries usage, Oversight oversight, AuditVerification verification, ChainVerifier chains,
                        nl.dijkwacht.console.ConsoleTenancy tenancy, ObjectMapper dijkwachtJson, Clock auditClock) {
        this.usage = usage;
        this.oversight = oversight;
        this.verification = verification;
        this.chains = chains;
        this.tenancy = tenancy;
        this.json = dijkwachtJson;
        this.clock = auditClock;
    }

    /** A choice of period in the form. */
    record Option(String value, String label) {
    }

    static final List<Option> PERIODS = List.of(new Option("dag", "Afgelopen dag"), new Option("week", "Afgelopen week"),
            new Option("maand", "Afgelopen 30 dagen"), new Option("aangepast", "Aangepast"));

    /** A model's evaluation status for the dashboard list. */
    record Evaluation(String model, String status, LocalDate nextEvaluation, long daysLeft, boolean overdue) {
    }

    @GetMapping({"/console", "/console/"})
    String dashboard(@RequestParam(name = "periode", required = false) String choice,
                     @RequestParam(name = "van", required = false) String from,
                     @RequestParam(name = "tot", required = false) String to,
                     @RequestParam(name = "indeling", required = false) String dimension,
                     Model model, org.springframework.security.core.Authentication auth) throws JsonProcessingException {
        Period period = Period.of(choice, from, to, clock);
        String by = dimension != null && UsageQueries.DIMENSIONS.containsKey(dimension) ? dimension : "model";
        var scope = tenancy.scope(auth);
        UsageQueries.Overview overview = usage.overview(period.from(), period.to(), by, scope);
        List<UsageQueries.Series> series = overview.series();
        model.addAttribute("section", "dashboard");
        model.addAttribute("period", period);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("by", by);
        model.addAttribute("byLabel", switch (by) {
            case "use_case" -> "toepassing";
            case "department" -> "afdeling";
            default -> "model";
        });
        model.addAttribute("overview", overview);
        model.addAttribute("series", series);
        model.addAttribute("requestsChart", chart(overview, series, "requests", "verzoeken"));
        model.addAttribute("tokensChart", chart(overview, series, "tokens", "tokens"));
        model.addAttribute("energyChart", chart(overview, series, "energy", "Wh"));
        List<ReviewStats> reviews = oversight.stats(period.from(), period.to(), scope);
        model.addAttribute("reviews", reviews);
        model.addAttribute("evaluations", evaluations(auth));
        var ownChain = tenancy.ownChain(auth);
        model.addAttribute("chainHeads", chains.heads().stream().filter(h -> ownChain.test(h.chainId())).toList());
        // the remembered verification covers every chain: shown only where every chain is the user's
        model.addAttribute("lastVerification", tenancy.seesEverything() ? verification.last().orElse(null) : null);
        return "console/dashboard";
    }

    /** ECharts input as JSON for a {@code <script type="application/json">}: the top 8 keys, the rest summed. */
    private String chart(UsageQueries.Overview overview, List<UsageQueries.Series> series, String measure, String unit)
            throws JsonProcessingException {
        List<Map<String, Object>> out = new ArrayList<>();
        int shown = Math.min(series.size(), 8);
        for (int i = 0; i < shown; i++) {
            out.add(Map.of("name", nl.dijkwacht.console.ConsoleLabels.visible(series.get(i).key()), "values", values(series.get(i), measure)));
        }
        if (series.size() > shown) {
            double[] rest = new double[overview.buckets().size()];
            for (UsageQueries.Series s : series.subList(shown, series.size())) {
                List<? extends Number> v = values(s, measure);
                for (int b = 0; b < rest.length; b++) {
                    rest[b] += v.get(b).doubleValue();
                }
            }
            out.add(Map.of("name", "overige", "values", rest));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("buckets", overview.buckets());
        chart.put("unit", unit);
        chart.put("kind", "bar");
        chart.put("series", out);
        // inside <script type="application/json">: no character may end the element or start markup
        return json.writeValueAsString(chart).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static List<? extends Number> values(UsageQueries.Series s, String measure) {
        return switch (measure) {
            case "tokens" -> s.tokens();
            case "energy" -> s.energyWh();
            default -> s.requests();
        };
    }

    private List<Evaluation> evaluations(org.springframework.security.core.Authentication auth) {
        LocalDate today = LocalDate.now(clock);
        List<Evaluation> out = new ArrayList<>();
        for (ModelDefinition m : tenancy.policy(auth).current().catalog().all()) {
            LocalDate next = m.governance().nextEvaluation();
            if (next == null) {
                continue;
            }
            long days = java.time.temporal.ChronoUnit.DAYS.between(today, next);
            if (days <= EVALUATION_WARNING_DAYS) {
                out.add(new Evaluation(m.id(), m.governance().status().yamlName(), next, days, days < 0));
            }
        }
        out.sort(Comparator.comparing(Evaluation::nextEvaluation));
        return out;
    }

}
