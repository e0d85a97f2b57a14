package nl.dijkwacht.audit.query;

/** Usage in one period for one value of the grouping dimension (model, department, use-case, tool or decision). */
public record UsageRow(String period, String key, long requests, long refused, long redacted, long failed,
                       long promptTokens, long completionTokens, double energyWh) {
}
