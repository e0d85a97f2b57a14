package nl.dijkwacht.audit.transparency;

import java.util.List;
import java.util.Map;

/** A plain HTML rendering of the public report (no scripts, no external resources). */
public final class TransparencyPage {

    private TransparencyPage() {
    }

    @SuppressWarnings("unchecked")
    public static String html(Map<String, Object> report) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(report.get("title"))).append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .6em;text-align:left}</style></head><body>");
        b.append("<h1>").append(esc(report.get("title"))).append("</h1>");
        b.append("<p>").append(esc(report.get("organisation"))).append(" — bijgewerkt ").append(esc(report.get("generated_at"))).append("</p>");
        b.append("<h2>Modellen in gebruik</h2><table><tr><th>Model</th><th>Aanbieder</th><th>Hosting</th><th>Omschrijving</th></tr>");
        for (Map<String, Object> m : (List<Map<String, Object>>) report.get("models")) {
            b.append("<tr><td>").append(esc(m.get("id"))).append("</td><td>").append(esc(m.get("provider")))
                    .append("</td><td>").append(esc(m.get("hosting"))).append("</td><td>").append(esc(m.get("description"))).append("</td></tr>");
        }
        b.append("</table>");
        fineTuned(b, (List<Map<String, Object>>) report.get("models"));
        b.append("<h2>Waarvoor</h2><table><tr><th>Toepassing</th><th>Doel</th><th>Menselijke controle verplicht</th></tr>");
        for (Map<String, Object> p : (List<Map<String, Object>>) report.get("purposes")) {
            b.append("<tr><td>").append(esc(p.get("use_case"))).append("</td><td>").append(esc(p.get("purpose")))
                    .append("</td><td>").append(Boolean.TRUE.equals(p.get("human_review_required")) ? "ja" : "nee").append("</td></tr>");
        }
        b.append("</table><h2>Gebruik per maand</h2><table><tr><th>Maand</th><th>Verzoeken</th><th>Geweigerd</th>"
                + "<th>Geredigeerd</th><th>Energie (Wh, schatting)</th></tr>");
        for (Map<String, Object> m : (List<Map<String, Object>>) report.get("months")) {
            b.append("<tr><td>").append(esc(m.get("month"))).append("</td><td>").append(esc(m.get("requests")))
                    .append("</td><td>").append(pct(m.get("refused_share"))).append("</td><td>").append(pct(m.get("redacted_share")))
                    .append("</td><td>").append(esc(m.get("energy_wh"))).append("</td></tr>");
        }
        b.append("</table><p>").append(esc(report.get("note"))).append("</p>");
        b.append("<p>Algoritmeregister: <a href=\"/transparantie/algoritmeregister.json\">JSON per toepassing</a>. "
                + "Machineleesbaar: <a href=\"/transparantie.json\">transparantie.json</a>.</p></body></html>");
        return b.toString();
    }

    /** Per fine-tuned model: base model, tasks, where the training data came from, and how it scored per task. */
    @SuppressWarnings("unchecked")
    private static void fineTuned(StringBuilder b, List<Map<String, Object>> models) {
        List<Map<String, Object>> tuned = models.stream().filter(m -> m.get("fine_tuning") != null).toList();
        if (tuned.isEmpty()) {
            return;
        }
        b.append("<h2>Gefinetunede modellen</h2>");
        for (Map<String, Object> m : tuned) {
            Map<String, Object> ft = (Map<String, Object>) m.get("fine_tuning");
            Map<String, Object> data = (Map<String, Object>) ft.get("training_data");
            b.append("<h3>").append(esc(m.get("id"))).append("</h3><p>Basismodel ").append(esc(ft.get("base_model")));
            if (ft.get("adapter") != null) {
                b.append(", LoRA-adapter ").append(esc(ft.get("adapter")));
            }
            b.append(". Taken: ").append(esc(String.join(", ", (List<String>) ft.get("tasks")))).append(".</p>");
            b.append("<p>Trainingsdata: ").append(esc(data.get("description")));
            if (data.get("period") != null) {
                b.append(" (").append(esc(data.get("period"))).append(")");
            }
            b.append(Boolean.TRUE.equals(data.get("personal_data"))
                    ? ". Bevatte persoonsgegevens; grondslag: " + esc(data.get("legal_basis")) + "." : ". Zonder persoonsgegevens.");
            b.append("</p><table><tr><th>Taak</th><th>Maat</th><th>Waarde</th><th>Datum</th><th>Evaluatieset</th></tr>");
            for (Map<String, Object> e : (List<Map<String, Object>>) ft.get("evaluations")) {
                b.append("<tr><td>").append(esc(e.get("task"))).append("</td><td>").append(esc(e.get("metric")))
                        .append("</td><td>").append(esc(e.get("value"))).append("</td><td>").append(esc(e.get("date")))
                        .append("</td><td>").append(esc(e.get("evaluation_set"))).append("</td></tr>");
            }
            b.append("</table>");
        }
    }

    private static String pct(Object share) {
        return share instanceof Number n ? String.format(java.util.Locale.ROOT, "%.1f%%", n.doubleValue() * 100) : "–";
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        return value.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
