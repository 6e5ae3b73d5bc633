package io.goftgu.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static io.goftgu.helm.Chart.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chart cannot drift from the code: every environment variable a service needs in the prod profile — a
 * {@code ${VAR}} without a default in the effective prod value of any key of its application.properties or of the
 * platform libraries it uses — is set on its Deployment; and every variable the chart sets is one the service reads.
 */
class ConfigParityTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(:[^}]*)?}");
    /** Set on the Deployment although no property names them: read by the container image's start script. */
    private static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND");

    static List<HasMetadata> defaults;
    static List<HasMetadata> production;

    @BeforeAll
    static void render() {
        defaults = Chart.objects(Chart.template());
        production = Chart.objects(Chart.template(c -> c.withValuesFile(Chart.PRODUCTION_VALUES)));
    }

    /** The effective prod-profile configuration of a service: application.properties over its libraries' defaults. */
    static Map<String, String> prodConfig(String service) throws IOException {
        var sources = new ArrayList<Path>();
        var pom = Files.readString(Chart.ROOT.resolve(service).resolve("pom.xml"));
        try (var libraries = Files.list(Chart.ROOT.resolve("platform"))) {
            for (var library : libraries.sorted().toList()) {
                var defaults = library.resolve("src/main/resources/META-INF/microprofile-config.properties");
                if (Files.exists(defaults) && pom.contains("<artifactId>goftgu-" + library.getFileName() + "</artifactId>")) {
                    sources.add(defaults);
                }
            }
        }
        sources.add(Chart.ROOT.resolve(service).resolve("src/main/resources/application.properties"));
        var effective = new LinkedHashMap<String, String>();
        for (var source : sources) { // later sources win, as application.properties' ordinal is higher
            var properties = new Properties();
            properties.load(new StringReader(Files.readString(source)));
            for (var key : properties.stringPropertyNames()) {
                if (!key.startsWith("%")) {
                    effective.put(key, properties.getProperty(key));
                }
            }
            for (var key : properties.stringPropertyNames()) {
                if (key.startsWith("%prod.")) {
                    effective.put(key.substring("%prod.".length()), properties.getProperty(key));
                }
            }
        }
        return effective;
    }

    static Set<String> required(Map<String, String> config) {
        var required = new TreeSet<String>();
        config.values().forEach(value -> {
            var m = PLACEHOLDER.matcher(value);
            while (m.find()) {
                if (m.group(2) == null) {
                    required.add(m.group(1));
                }
            }
        });
        return required;
    }

    static Set<String> read(Map<String, String> config) {
        var read = new TreeSet<String>();
        config.values().forEach(value -> PLACEHOLDER.matcher(value).results().forEach(m -> read.add(m.group(1))));
        return read;
    }

    /** The variables the Deployment's container gets: its env entries and its ConfigMap's keys. */
    static Set<String> setByChart(List<HasMetadata> objects, String service) {
        var container = named(objects, Deployment.class, ChartTest.name(service)).getSpec().getTemplate().getSpec()
                .getContainers().getFirst();
        var set = new HashSet<String>();
        container.getEnv().stream().map(EnvVar::getName).forEach(set::add);
        for (var source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                set.addAll(named(objects, ConfigMap.class, source.getConfigMapRef().getName()).getData().keySet());
            }
        }
        return set;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "internal-chat-service", "support-chat-service", "support-info-service",
            "realtime-service"})
    void theChartSetsEverySettingTheServiceRequiresInProduction(String service) throws IOException {
        var required = required(prodConfig(service));
        assertFalse(required.isEmpty(), service + " requires something in prod (at least Kafka)");
        for (var objects : List.of(defaults, production)) {
            var missing = new TreeSet<>(required);
            missing.removeAll(setByChart(objects, service));
            assertEquals(Set.of(), missing, service + ": required in prod, not set by the chart");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "internal-chat-service", "support-chat-service", "support-info-service",
            "realtime-service"})
    void everyVariableTheChartSetsIsOneTheServiceReads(String service) throws IOException {
        var read = read(prodConfig(service));
        var unread = new TreeSet<String>();
        for (var variable : setByChart(defaults, service)) {
            // QUARKUS_* map onto quarkus.* properties by the environment-variable naming rule
            if (!read.contains(variable) && !variable.startsWith("QUARKUS_") && !IMAGE_VARIABLES.contains(variable)) {
                unread.add(variable);
            }
        }
        assertEquals(Set.of(), unread, service + ": set by the chart, read by nothing");
    }

    @Test
    void theRuleFindsPlaceholdersWithoutDefaults() {
        var config = Map.of("a", "${A}", "b", "${B:x}", "c", "jdbc:${C}/${D:}", "d", "plain");
        assertEquals(Set.of("A", "C"), required(config));
        assertEquals(Set.of("A", "B", "C", "D"), read(config));
    }

    @Test
    void theInternalSecretIsRequiredWhereItIsShared() throws IOException {
        assertTrue(required(prodConfig("gateway")).contains("GOFTGU_INTERNAL_SECRET"));
        assertTrue(required(prodConfig("support-chat-service")).contains("GOFTGU_INTERNAL_SECRET"));
    }
}
