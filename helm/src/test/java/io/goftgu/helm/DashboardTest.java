package io.goftgu.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Grafana dashboard reads only meters the services really register: every {@code goftgu_*} series in a panel's
 * query is derived from a meter name in some service's or library's source, so renaming a meter breaks this test
 * rather than a production dashboard. The chart ships it as a sidecar ConfigMap.
 */
class DashboardTest {

    private static final Path DASHBOARD = Chart.CHART.resolve("dashboards/goftgu.json");
    private static final Pattern METER_NAME = Pattern.compile(
            "(Counter|Gauge|Timer|DistributionSummary)\\.builder\\(\"(goftgu\\.[a-z.]+)\"|counter\\(\"(goftgu\\.[a-z.]+)\"");
    private static final Pattern SERIES = Pattern.compile("\\b(goftgu_[a-z_]+)");
    private static final List<String> SUFFIXES = List.of("", "_total", "_seconds", "_seconds_count", "_seconds_sum",
            "_seconds_max", "_seconds_bucket");

    /** Prometheus names of the meters registered in main sources (dots to underscores, plus the type's suffixes). */
    static Set<String> registeredSeries() throws IOException {
        var series = new TreeSet<String>();
        for (var module : List.of("gateway", "internal-chat-service", "support-chat-service", "support-info-service",
                "realtime-service", "platform")) {
            try (Stream<Path> files = Files.walk(Chart.ROOT.resolve(module))) {
                for (var file : files.filter(f -> f.toString().endsWith(".java")
                        && f.toString().contains("/src/main/java/")).toList()) {
                    var m = METER_NAME.matcher(Files.readString(file));
                    while (m.find()) {
                        var name = (m.group(2) != null ? m.group(2) : m.group(3)).replace('.', '_');
                        SUFFIXES.forEach(suffix -> series.add(name + suffix));
                    }
                }
            }
        }
        return series;
    }

    @Test
    void everyGoftguSeriesInTheDashboardIsAMeterTheCodeRegisters() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertEquals("goftgu-overview", dashboard.get("uid").asText());
        var known = registeredSeries();
        assertTrue(known.contains("goftgu_outbox_events_published_total"), "the scan finds the outbox's meters");
        var used = new HashSet<String>();
        for (var panel : dashboard.get("panels")) {
            assertTrue(panel.get("targets").size() > 0, panel.get("title").asText());
            for (var target : panel.get("targets")) {
                var m = SERIES.matcher(target.get("expr").asText());
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        var unknown = new TreeSet<>(used);
        unknown.removeAll(known);
        assertEquals(Set.of(), unknown, "dashboard series no code registers");
        for (var figure : List.of("goftgu_outbox_events_published_total", "goftgu_outbox_relay_lag_seconds",
                "goftgu_support_chat_tickets", "goftgu_support_chat_tickets_sla", "goftgu_gateway_logins_total",
                "goftgu_gateway_rate_limited_total", "goftgu_realtime_sockets_open", "goftgu_realtime_delivery_lag_seconds")) {
            assertTrue(used.contains(figure), "the dashboard shows " + figure);
        }
    }

    @Test
    void theChartShipsTheDashboardForGrafanasSidecar() throws IOException {
        var objects = Chart.objects(Chart.template(c -> c.withValuesFile(Chart.PRODUCTION_VALUES)));
        var map = Chart.named(objects, ConfigMap.class, ChartTest.name("dashboard"));
        assertEquals("1", map.getMetadata().getLabels().get("grafana_dashboard"));
        assertEquals(new ObjectMapper().readTree(DASHBOARD.toFile()),
                new ObjectMapper().readTree(map.getData().get("goftgu.json")));
    }
}
