package nl.dijkwacht.audit.transparency;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import nl.dijkwacht.audit.AuditGovernance;
import nl.dijkwacht.audit.AuditProperties;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.StreamingQuery;
import nl.dijkwacht.catalog.FineTuning;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.audit.TenantScope;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.UseCasePolicy;

/**
 * The public report (no login): models in use, purposes, volumes per month, share refused or redacted, energy —
 * aggregates only, never a user, department or trace. Plus the algoritmeregister export per use-case.
 */
public final class TransparencyReport {

    private final DataSource dataSource;
    private final ActivePolicy policy;
    private final AuditGovernance governance;
    private final AuditProperties.Publication publication;
    private final Clock clock;
    private final TenantScope scope;
    private volatile Cached cached;

    /** The public report is computed at most once a minute: it is open to anyone, the query is not free. */
    private record Cached(Instant at, String policyVersion, Map<String, Object> report) {
    }

    public TransparencyReport(DataSource dataSource, ActivePolicy policy, AuditGovernance governance,
                              AuditProperties.Publication publication, Clock clock) {
        this(dataSource, policy, governance, publication, clock, TenantScope.everything());
    }

    /**
     * One tenant's report: from its own policy ({@code policy}) and its own records ({@code scope}) only.
     */
    public TransparencyReport(DataSource dataSource, ActivePolicy policy, AuditGovernance governance,
                              AuditProperties.Publication publication, Clock clock, TenantScope scope) {
        this.scope = scope;
        this.dataSource = dataSource;
        this.policy = policy;
        this.governance = governance;
        this.publication = publication;
        this.clock = clock;
    }

    public Map<String, Object> report() {
        Cached c = cached;
        Instant now = clock.instant();
        if (c != null && c.policyVersion().equals(policy.current().version()) && now.isBefore(c.at().plusSeconds(60))) {
            return c.report();
        }
        Map<String, Object> fresh = compute(now);
        cached = new Cached(now, policy.current().version(), fresh);
        return fresh;
    }

    private Map<String, Object> compute(Instant now) {
        PolicySet current = policy.current();
        Instant from = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).minusMonths(12).withDayOfMonth(1)
                .toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", "Gebruik van generatieve AI via Dijkwacht");
        // another tenant's page names that tenant: the publication settings are the default tenant's
        out.put("organisation", scope.isDefault() ? publication.organisation() : scope.tenant());
        out.put("generated_at", now.toString());
        out.put("period", Map.of("from", from.toString(), "to", now.toString()));

        TreeSet<String> modelIds = new TreeSet<>();
        current.useCases().values().forEach(u -> modelIds.addAll(u.models()));
        List<Map<String, Object>> models = new ArrayList<>();
        for (String id : modelIds) {
            current.catalog().find(id).ifPresent(m -> models.add(model(m)));
        }
        out.put("models", models);

        // AI literacy (AI Act art. 4): per use-case whether a training is required and how often it was missing
        Map<String, Long> literacyRefusals = new java.util.HashMap<>();
        List<Object> params = new ArrayList<>(List.of(AuditRows.time(from)));
        String tenantCondition = scope.condition("tenant", params);
        String ofTenant = tenantCondition == null ? "" : " AND " + tenantCondition;
        StreamingQuery.run(dataSource, """
                SELECT use_case, COUNT(*) FROM audit_record WHERE error_code = 'ai_literacy_required' AND occurred_at >= ?
                  AND endpoint <> 'operator'""" + ofTenant + " GROUP BY use_case", params, rs -> {
                    literacyRefusals.put(rs.getString(1), rs.getLong(2));
                    return true;
                });
        // purpose guard (issue 10): its refusals per use-case and how many staff flagged as wrong
        Map<String, long[]> purposeGuard = new java.util.HashMap<>();
        List<Object> guardParams = new ArrayList<>(List.of(AuditRows.time(from), nl.dijkwacht.audit.oversight.RefusalFlags.ACTION));
        String guardTenant = scope.condition("tenant", guardParams);
        StreamingQuery.run(dataSource, """
                SELECT use_case,
                       SUM(CASE WHEN endpoint <> 'operator' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN endpoint = 'operator' THEN 1 ELSE 0 END)
                FROM audit_record
                WHERE occurred_at >= ? AND ((endpoint <> 'operator' AND decision = 'refused'
                        AND error_code IN ('forbidden_purpose', 'special_category_not_allowed'))
                    OR (endpoint = 'operator' AND bio_action = ?))""" + (guardTenant == null ? "" : " AND " + guardTenant)
                + " GROUP BY use_case", guardParams, rs -> {
                    purposeGuard.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    return true;
                });
        var literacy = current.governance().aiLiteracy();
        List<Map<String, Object>> purposes = new ArrayList<>();
        current.useCases().values().stream().sorted(java.util.Comparator.comparing(UseCasePolicy::id)).forEach(u -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("use_case", u.id());
            p.put("purpose", u.purpose());
            p.put("models", u.models());
            p.put("human_review_required", governance.humanReviewRequired(u));
            int days = governance.contentRetentionDays(u);
            p.put("redacted_content_kept_days", days);
            p.put("ai_literacy_required", literacy.requiredFor(u.id()));
            p.put("ai_literacy_refusals", literacyRefusals.getOrDefault(u.id(), 0L));
            long[] guard = purposeGuard.getOrDefault(u.id(), new long[2]);
            p.put("purpose_guard_refusals", guard[0]);
            p.put("refusals_flagged_wrong", guard[1]);
            // flags per purpose-guard refusal: how often staff think the guard was wrong (null without refusals)
            p.put("refusal_flag_rate", guard[0] == 0 ? null : Math.round(1000.0 * guard[1] / guard[0]) / 1000.0);
            purposes.add(p);
        });
        out.put("purposes", purposes);

        List<Map<String, Object>> months = new ArrayList<>();
        long[] totals = new long[3];
        double[] energy = {0};
        StreamingQuery.run(dataSource, """
                SELECT period_month, COUNT(*), SUM(CASE WHEN decision = 'refused' THEN 1 ELSE 0 END),
                  SUM(CASE WHEN decision = 'redacted' THEN 1 ELSE 0 END), SUM(prompt_tokens + completion_tokens), SUM(energy_wh)
                FROM audit_record WHERE endpoint NOT IN ('models', 'operator') AND occurred_at >= ?""" + ofTenant + """

                GROUP BY period_month ORDER BY period_month""", params, rs -> {
                    long n = rs.getLong(2);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("month", rs.getString(1).strip());
                    m.put("requests", n);
                    m.put("refused_share", share(rs.getLong(3), n));
                    m.put("redacted_share", share(rs.getLong(4), n));
                    m.put("tokens", rs.getLong(5));
                    m.put("energy_wh", Math.round(rs.getDouble(6) * 1000) / 1000.0);
                    months.add(m);
                    totals[0] += n;
                    totals[1] += rs.getLong(3);
                    totals[2] += rs.getLong(4);
                    energy[0] += rs.getDouble(6);
                    return true;
                });
        out.put("months", months);
        Map<String, Object> sum = new LinkedHashMap<>();
        sum.put("requests", totals[0]);
        sum.put("refused_share", share(totals[1], totals[0]));
        sum.put("redacted_share", share(totals[2], totals[0]));
        sum.put("energy_wh", Math.round(energy[0] * 1000) / 1000.0);
        out.put("totals", sum);
        out.put("note", "Energie is een schatting per 1.000 tokens per model; 0 betekent dat voor dat model geen schatting bekend is.");
        return out;
    }

    private Map<String, Object> model(ModelDefinition m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("description", m.description());
        out.put("provider", governance.providerName(m));
        out.put("upstream_model", m.upstreamModel());
        out.put("hosting", governance.hosting(m));
        FineTuning ft = m.governance().fineTuning();
        if (ft != null) {
            out.put("fine_tuning", fineTuning(ft));
        }
        return out;
    }

    /** A fine-tuned model's public facts: base model, adapter, tasks, training-data provenance, evaluation results. */
    static Map<String, Object> fineTuning(FineTuning ft) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("base_model", ft.baseModel());
        out.put("adapter", ft.adapter());
        out.put("tasks", ft.tasks());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("description", ft.trainingData().description());
        data.put("period", ft.trainingData().period());
        data.put("personal_data", ft.trainingData().personalData());
        data.put("legal_basis", ft.trainingData().legalBasis());
        out.put("training_data", data);
        List<Map<String, Object>> evaluations = new ArrayList<>();
        for (FineTuning.Evaluation e : ft.evaluations()) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("task", e.task());
            ev.put("metric", e.metric());
            ev.put("value", e.value());
            ev.put("date", e.date() == null ? null : e.date().toString());
            ev.put("evaluation_set", e.evaluationSet());
            evaluations.add(ev);
        }
        out.put("evaluations", evaluations);
        return out;
    }

    private static Double share(long part, long total) {
        return total == 0 ? null : Math.round(part * 1000.0 / total) / 1000.0;
    }

    /**
     * One use-case as an entry in the Dutch algoritmeregister publication standard (version 1.0 field names).
     * Fields the configuration does not (yet) supply are present with a null value, so the gap is visible.
     */
    public Map<String, Object> algoritmeregister(String useCaseId) {
        PolicySet current = policy.current();
        UseCasePolicy u = current.useCase(useCaseId).orElse(null);
        if (u == null) {
            return null;
        }
        AuditProperties.UseCaseFacts facts = governance.facts(u.id());
        List<String> providers = new ArrayList<>();
        List<String> technical = new ArrayList<>();
        List<String> trainingData = new ArrayList<>();
        List<String> performance = new ArrayList<>();
        for (String id : u.models()) {
            current.catalog().find(id).ifPresent(m -> {
                providers.add(governance.providerName(m));
                FineTuning ft = m.governance().fineTuning();
                technical.add(m.id() + (m.upstreamModel() == null ? "" : " (" + m.upstreamModel() + ")") + ", hosting: "
                        + governance.hosting(m) + (ft == null ? "" : ", gefinetuned op " + ft.baseModel()
                        + (ft.adapter() == null ? "" : " (LoRA-adapter " + ft.adapter() + ")") + " voor " + String.join(", ", ft.tasks())));
                if (ft != null) {
                    trainingData.add(m.id() + ": " + ft.trainingData().description()
                            + (ft.trainingData().period() == null ? "" : " (" + ft.trainingData().period() + ")")
                            + (ft.trainingData().personalData() ? "; bevatte persoonsgegevens, grondslag: " + ft.trainingData().legalBasis()
                            : "; zonder persoonsgegevens"));
                    ft.evaluations().forEach(e -> performance.add(m.id() + " / " + e.task() + ": " + e.metric() + " = " + e.value()
                            + " (" + e.date() + ", evaluatieset " + e.evaluationSet() + ")"));
                }
            });
        }
        u.tasks().byTask().forEach((task, route) -> technical.add("taak " + task + ": " + String.join(" → ", route)));
        boolean review = governance.humanReviewRequired(u);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("standard_version", "1.0");
        out.put("name", "Generatieve AI: " + u.id());
        out.put("organization", publication.organisation());
        out.put("department", publication.department());
        out.put("description_short", facts.description() != null ? facts.description() : u.purpose());
        out.put("type", "Generatieve AI (taalmodel) via de Dijkwacht-gateway");
        out.put("category", null);
        out.put("website", publication.website());
        out.put("status", u.suspended() ? "buiten gebruik (geschorst)" : facts.status() != null ? facts.status() : "in gebruik");
        out.put("goal", u.purpose());
        out.put("impact", "Medewerkers gebruiken de uitkomst als concept; er worden geen besluiten door het model genomen.");
        out.put("proportionality", null);
        out.put("decision_making_process", review
                ? "Elke uitkomst wordt door een medewerker gecontroleerd voordat deze wordt gebruikt."
                : "De medewerker beoordeelt zelf of en hoe de uitkomst wordt gebruikt.");
        out.put("documentation", null);
        out.put("competent_authority", publication.organisation());
        out.put("lawful_basis", facts.legalBasis());
        List<String> dpias = new ArrayList<>();
        List<String> iamas = new ArrayList<>();
        for (String id : u.models()) {
            current.catalog().find(id).ifPresent(m -> {
                if (m.governance().dpia() != null) {
                    dpias.add(m.id() + ": " + m.governance().dpia());
                }
                if (m.governance().iama() != null) {
                    iamas.add(m.id() + ": " + m.governance().iama());
                }
            });
        }
        out.put("iama", !iamas.isEmpty());
        out.put("iama_description", iamas.isEmpty() ? null : String.join("; ", iamas));
        out.put("dpia", !dpias.isEmpty());
        out.put("dpia_description", dpias.isEmpty() ? null : String.join("; ", dpias));
        out.put("impacttoetsen", facts.impactAssessments());
        out.put("objection_procedure", "Bezwaar of een foutmelding kan worden ingediend met de traceercode onder de tekst; "
                + "deze wordt aan het auditrecord gekoppeld. Een medewerker kan een weigering door de doelbewaking als onterecht"
                + " melden met de traceercode uit de weigering; het aandeel gemelde weigeringen per toepassing staat op /transparantie.");
        out.put("human_intervention", review
                ? "Menselijke controle verplicht: de tool meldt per antwoord of het is overgenomen, aangepast of afgewezen."
                : "Menselijke controle door de gebruiker; geen verplichte beoordeling.");
        var literacy = current.governance().aiLiteracy();
        String literacyNote = literacy.requiredFor(u.id())
                ? " Alleen medewerkers die de training AI-geletterdheid (AI-verordening art. 4) hebben gevolgd, niet langer dan "
                + literacy.validForMonths() + " maanden geleden, kunnen deze toepassing gebruiken; Dijkwacht controleert dit bij"
                + " elk verzoek en weigert anders (aantal weigeringen per toepassing: /transparantie)."
                : "";
        out.put("risk_management", (facts.riskManagement() != null ? facts.riskManagement()
                : "Persoonsgegevens worden volgens beleid gepseudonimiseerd, verwijderd of geblokkeerd vóór verzending; "
                + "alle verzoeken staan in een manipulatiebestendige audittrail.") + literacyNote);
        out.put("risk_class", u.riskClass().yamlName());
        String sourceData = facts.sourceData() != null ? facts.sourceData() : "De tekst die de medewerker invoert.";
        out.put("source_data", trainingData.isEmpty() ? sourceData
                : sourceData + " Trainingsdata van gefinetunede modellen: " + String.join("; ", trainingData) + ".");
        out.put("methods_and_models", String.join("; ", technical));
        out.put("technical_working", "Verzoeken gaan via Dijkwacht naar de goedgekeurde modellen " + String.join(", ", u.models())
                + "; Dijkwacht past het privacybeleid toe en legt elk verzoek vast (metadata, geen tekst).");
        out.put("provider", String.join(", ", new TreeSet<>(providers)));
        out.put("monitoring", "Maandelijkse gebruikscijfers, aandeel geweigerd/geredigeerd en energieschatting: /transparantie.");
        out.put("performance_standard", performance.isEmpty() ? null : String.join("; ", performance));
        out.put("publiccode", null);
        out.put("lars", null);
        return out;
    }

    public List<Map<String, Object>> algoritmeregisterAll() {
        return policy.current().useCases().keySet().stream().sorted().map(this::algoritmeregister).toList();
    }
}
