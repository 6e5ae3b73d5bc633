package io.goftgu.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.goftgu.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * k8s/ parsed like the chart: core objects into the fabric8 model with unknown fields refused, the operators'
 * resources checked for the shape and fields the chart and the services rely on.
 */
class K8sManifestsTest {

    static final List<ObjectNode> documents = new ArrayList<>();
    static JsonNode kustomization;

    @BeforeAll
    static void read() throws IOException {
        var dir = Chart.ROOT.resolve("k8s");
        kustomization = Chart.YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        for (var resource : kustomization.get("resources")) {
            documents.addAll(Chart.documents(Chart.read(dir.resolve(resource.asText()))));
        }
    }

    static List<ObjectNode> ofKind(String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    static ObjectNode one(String kind) {
        var found = ofKind(kind);
        assertEquals(1, found.size(), kind);
        return found.getFirst();
    }

    @Test
    void theKustomizationListsEveryManifestAndEveryDocumentIsWellFormed() throws IOException {
        var listed = new TreeSet<String>();
        kustomization.get("resources").forEach(r -> listed.add(r.asText()));
        try (var files = Files.list(Chart.ROOT.resolve("k8s"))) {
            var onDisk = new TreeSet<String>(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml")).toList());
            assertEquals(onDisk, listed);
        }
        assertEquals("goftgu", kustomization.get("namespace").asText());
        for (var doc : documents) {
            var object = KubernetesTypes.strict(doc); // apiVersion, kind, metadata.name; core kinds fully typed
            var namespace = object.getMetadata().getNamespace();
            assertTrue(namespace == null || namespace.equals("goftgu"), object.getMetadata().getName());
        }
        assertEquals("restricted", ((Namespace) KubernetesTypes.strict(one("Namespace"))).getMetadata().getLabels()
                .get("pod-security.kubernetes.io/enforce"));
    }

    @Test
    void kafkaRunsInKraftModeWithANodePool() {
        var kafka = one("Kafka");
        assertEquals("kafka.strimzi.io/v1beta2", kafka.get("apiVersion").asText());
        assertEquals("enabled", kafka.at("/metadata/annotations/strimzi.io~1kraft").asText());
        assertEquals("enabled", kafka.at("/metadata/annotations/strimzi.io~1node-pools").asText());
        assertTrue(kafka.at("/spec/zookeeper").isMissingNode(), "no ZooKeeper");
        var pool = one("KafkaNodePool");
        assertEquals(kafka.at("/metadata/name").asText(), pool.at("/metadata/labels/strimzi.io~1cluster").asText());
        var roles = new HashSet<String>();
        pool.at("/spec/roles").forEach(r -> roles.add(r.asText()));
        assertEquals(Set.of("controller", "broker"), roles);
        assertTrue(pool.at("/spec/replicas").asInt() >= 3);
        var plain = StreamSupport.stream(kafka.at("/spec/kafka/listeners").spliterator(), false)
                .filter(l -> l.get("port").asInt() == 9092).findFirst().orElseThrow();
        assertEquals(false, plain.get("tls").asBoolean());
        // the chart's default bootstrap address is this cluster's bootstrap Service
        var bootstrap = Chart.objects(Chart.template()).stream().filter(ConfigMap.class::isInstance)
                .map(o -> ((ConfigMap) o).getData().get("KAFKA_BOOTSTRAP_SERVERS")).findFirst().orElseThrow();
        assertEquals(kafka.at("/metadata/name").asText() + "-kafka-bootstrap:9092", bootstrap);
    }

    @Test
    void everyTopicIsDeclaredWithItsRetention() {
        var topics = new HashMap<String, JsonNode>();
        for (var topic : ofKind("KafkaTopic")) {
            assertEquals("goftgu-kafka", topic.at("/metadata/labels/strimzi.io~1cluster").asText());
            topics.put(topic.at("/spec/topicName").asText(), topic.get("spec"));
        }
        var expected = new HashSet<>(Topics.DOMAIN);
        expected.add(Topics.REALTIME_SIGNALS);
        assertEquals(expected, topics.keySet());
        topics.forEach((name, spec) -> {
            assertTrue(spec.get("partitions").asInt() >= 3, name);
            assertEquals(3, spec.get("replicas").asInt(), name);
            var retention = spec.at("/config/retention.ms").asLong();
            assertTrue(name.equals(Topics.REALTIME_SIGNALS) ? retention <= 300_000 : retention >= 86_400_000L, name);
        });
    }

    @Test
    void postgresHasADatabaseAndRolePerServiceMatchingTheChart() {
        var cluster = one("Cluster");
        assertEquals("postgresql.cnpg.io/v1", cluster.get("apiVersion").asText());
        assertTrue(cluster.at("/spec/instances").asInt() >= 3);
        assertTrue(cluster.at("/spec/backup/barmanObjectStore/destinationPath").asText().startsWith("s3://"));
        assertEquals(cluster.at("/metadata/name").asText(), one("ScheduledBackup").at("/spec/cluster/name").asText());

        Map<String, String> databaseOwners = new HashMap<>();   // database → owner role
        Map<String, String> roleSecrets = new HashMap<>();      // role → password Secret
        databaseOwners.put(cluster.at("/spec/bootstrap/initdb/database").asText(),
                cluster.at("/spec/bootstrap/initdb/owner").asText());
        roleSecrets.put(cluster.at("/spec/bootstrap/initdb/owner").asText(),
                cluster.at("/spec/bootstrap/initdb/secret/name").asText());
        cluster.at("/spec/managed/roles").forEach(r -> roleSecrets.put(r.get("name").asText(),
                r.at("/passwordSecret/name").asText()));
        for (var database : ofKind("Database")) {
            assertEquals(cluster.at("/metadata/name").asText(), database.at("/spec/cluster/name").asText());
            databaseOwners.put(database.at("/spec/name").asText(), database.at("/spec/owner").asText());
        }

        // each database service of the chart: its JDBC URL names a database here, its user owns it, its Secret is the role's
        var chart = Chart.objects(Chart.template());
        for (var service : List.of("gateway", "internal-chat-service", "support-chat-service", "support-info-service")) {
            var config = Chart.named(chart, ConfigMap.class, ChartTest.name(service)).getData();
            var url = config.get("QUARKUS_DATASOURCE_JDBC_URL");
            assertTrue(url.startsWith("jdbc:postgresql://" + cluster.at("/metadata/name").asText() + "-rw:5432/"), url);
            var database = url.substring(url.lastIndexOf('/') + 1);
            var owner = databaseOwners.get(database);
            assertEquals(database, owner, service + " owns its database under a role of the same name");
            var env = Chart.named(chart, Deployment.class, ChartTest.name(service)).getSpec().getTemplate().getSpec()
                    .getContainers().getFirst().getEnv();
            var secret = env.stream().filter(e -> e.getName().equals("QUARKUS_DATASOURCE_PASSWORD")).findFirst()
                    .orElseThrow().getValueFrom().getSecretKeyRef().getName();
            assertEquals(roleSecrets.get(owner), secret, service);
        }
        assertEquals(4, databaseOwners.size());
    }
}
