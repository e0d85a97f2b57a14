package nl.dijkwacht.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/monitoring: the Prometheus alert rules and the Grafana dashboard use only metrics that exist (those the
 * deployment guide lists, which MetricsScrapeTest finds on a running gateway), and every alert says what it is and
 * what to do.
 */
class MonitoringFilesTest {

    private static final Pattern METRIC = Pattern.compile("\\b((?:dijkwacht|resilience4j)_[a-z0-9_]+)\\b");

    @Test
    void everyAlertHasASeverityAndTellsWhatToDoAndUsesKnownMetrics() throws Exception {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../deploy/monitoring/dijkwacht-alerts.yaml").toFile());
        Set<String> known = knownMetrics();
        Set<String> alerts = new HashSet<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                assertThat(alerts.add(name)).as("duplicate alert " + name).isTrue();
                assertThat(rule.path("expr").asText()).as(name).isNotBlank();
                assertThat(rule.path("labels").path("severity").asText()).as(name).isIn("critical", "warning", "info");
                assertThat(rule.path("annotations").path("summary").asText()).as(name).isNotBlank();
                assertThat(rule.path("annotations").path("description").asText()).as(name).hasSizeGreaterThan(30);
                assertThat(unknown(rule.path("expr").asText(), known)).as(name).isEmpty();
            }
        }
        // what the issue asks an operator to be told about
        assertThat(alerts).contains("DijkwachtAuditChainBroken", "DijkwachtAuditStoreDown", "DijkwachtModelFailing",
                "DijkwachtBudgetNearlySpent");
    }

    @Test
    void theDashboardIsValidAndUsesKnownMetrics() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("../deploy/monitoring/grafana-dashboard.json").toFile());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        Set<String> known = knownMetrics();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).isTrue();
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).isLessThanOrEqualTo(24);
            assertThat(panel.path("targets")).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(unknown(target.path("expr").asText(), known)).as(panel.path("title").asText()).isEmpty();
            }
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(10);
    }

    private static Set<String> unknown(String expr, Set<String> known) {
        Set<String> missing = new TreeSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            String name = m.group(1).replaceAll("_(bucket|count|sum|max)$", "");
            if (!known.contains(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** The guide's "Metrics" table plus its "Metrics of other components" (breakers, budgets). */
    static Set<String> knownMetrics() throws Exception {
        String doc = Files.readString(Path.of("../docs/deployment.md"));
        Set<String> names = new TreeSet<>();
        for (String heading : new String[] {"\n## Metrics\n", "\n## Metrics of other components\n"}) {
            int start = doc.indexOf(heading);
            assertThat(start).as(heading.strip() + " in docs/deployment.md").isNotNegative();
            int end = doc.indexOf("\n## ", start + 5);
            Matcher m = Pattern.compile("`((?:dijkwacht|resilience4j)_[a-z0-9_]+)`").matcher(doc.substring(start, end < 0 ? doc.length() : end));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
