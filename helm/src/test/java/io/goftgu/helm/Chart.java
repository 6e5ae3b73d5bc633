package io.goftgu.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The chart in helm/goftgu, rendered by real Helm (helm-java), and the repository's other files the tests read. */
final class Chart {

    static final Path ROOT = findRoot();
    static final Path CHART = ROOT.resolve("helm/goftgu");
    static final Path PRODUCTION_VALUES = CHART.resolve("values-production.yaml");
    static final String RELEASE = "goftgu";
    static final String NAMESPACE = "goftgu";

    /** values key → service name, as in templates/_helpers.tpl */
    static final Map<String, String> SERVICES = Map.of(
            "gateway", "gateway",
            "internalChat", "internal-chat-service",
            "supportChat", "support-chat-service",
            "supportInfo", "support-info-service",
            "realtime", "realtime-service");

    static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    static final ObjectMapper YAML = new YAMLMapper();

    private Chart() {
    }

    static String template(UnaryOperator<TemplateCommand> options) {
        // helm-java renders with a cluster client, so the chart's `lookup` of an existing internal secret would ask a
        // Kubernetes API server (localhost:8080 without a kubeconfig): there is none here, so the tests give the
        // value, as `--set global.internalSecret.value=...` would; the lookup only runs on a real install
        return options.apply(new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion("1.30.0").set("global.internalSecret.value", "rendered-by-the-tests")).call();
    }

    static String template() {
        return template(c -> c);
    }

    /** Every YAML document of a stream as a tree, empty documents left out. */
    static List<ObjectNode> documents(String yaml) {
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var docs = new ArrayList<ObjectNode>();
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                var node = it.next();
                if (node != null && node.isObject() && !node.isEmpty()) {
                    docs.add((ObjectNode) node);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each document read into the fabric8 model of its apiVersion and kind, unknown fields refused. */
    static List<HasMetadata> objects(String yaml) {
        var objects = new ArrayList<HasMetadata>();
        for (var doc : documents(yaml)) {
            objects.add(KubernetesTypes.strict(doc));
        }
        return objects;
    }

    static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
        return ofType(objects, type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("helm/goftgu/Chart.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("helm/goftgu not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
