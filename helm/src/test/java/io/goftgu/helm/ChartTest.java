package io.goftgu.helm;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.goftgu.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.goftgu.helm.Chart.named;
import static io.goftgu.helm.Chart.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** helm/goftgu linted and rendered by real Helm; every object read into the Kubernetes API types. */
class ChartTest {

    static List<HasMetadata> defaults;
    static List<HasMetadata> production;

    @BeforeAll
    static void render() {
        defaults = Chart.objects(Chart.template());
        production = Chart.objects(Chart.template(c -> c.withValuesFile(Chart.PRODUCTION_VALUES)));
    }

    static List<HasMetadata> rendered(String which) {
        return which.equals("production") ? production : defaults;
    }

    static String name(String service) {
        return Chart.RELEASE + "-" + service;
    }

    @Test
    void lintStrictPasses() {
        var result = new Helm(Chart.CHART).lint().strict().call();
        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"defaults", "production"})
    void everyServiceHasItsObjects(String which) {
        var objects = rendered(which);
        for (var service : Chart.SERVICES.values()) {
            named(objects, Deployment.class, name(service));
            named(objects, Service.class, name(service));
            named(objects, ServiceAccount.class, name(service));
            named(objects, ConfigMap.class, name(service));
            named(objects, PodDisruptionBudget.class, name(service));
            named(objects, HorizontalPodAutoscaler.class, name(service));
            named(objects, NetworkPolicy.class, name(service));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"defaults", "production"})
    void everyDeploymentHasProbesResourcesAndALockedDownContainer(String which) {
        var deployments = ofType(rendered(which), Deployment.class);
        assertEquals(5, deployments.size());
        for (var deployment : deployments) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            var what = deployment.getMetadata().getName();
            assertEquals(true, pod.getSecurityContext().getRunAsNonRoot(), what);
            assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), what);
            assertEquals(false, pod.getAutomountServiceAccountToken(), what);
            assertEquals(2, pod.getTopologySpreadConstraints().size(), what);
            assertEquals(1, pod.getContainers().size(), what);
            Container container = pod.getContainers().getFirst();
            assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals("QUARKUS_HTTP_HOST")
                    && e.getValue().equals("0.0.0.0")), what + " listens on the pod's address");

            probe(container.getStartupProbe(), "/q/health/started", what);
            probe(container.getLivenessProbe(), "/q/health/live", what);
            probe(container.getReadinessProbe(), "/q/health/ready", what);

            var resources = container.getResources();
            assertNotNull(resources.getRequests().get("cpu"), what);
            assertNotNull(resources.getRequests().get("memory"), what);
            assertNotNull(resources.getLimits().get("memory"), what);

            var security = container.getSecurityContext();
            assertEquals(true, security.getRunAsNonRoot(), what);
            assertEquals(true, security.getReadOnlyRootFilesystem(), what);
            assertEquals(false, security.getAllowPrivilegeEscalation(), what);
            assertEquals(false, security.getPrivileged(), what);
            assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), what);
            assertEquals("RuntimeDefault", security.getSeccompProfile().getType(), what);

            var tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(what + " has no /tmp"));
            var volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst().orElseThrow();
            assertNotNull(volume.getEmptyDir(), what + ": /tmp is an emptyDir");
        }
    }

    private static void probe(Probe probe, String path, String what) {
        assertNotNull(probe, what + " probe " + path);
        assertEquals(path, probe.getHttpGet().getPath(), what);
        assertEquals("http", probe.getHttpGet().getPort().getStrVal(), what);
    }

    @Test
    void ingressSendsTheSocketToRealtimeAndTheRestToTheGatewayOverTls() {
        var ingress = ofType(defaults, Ingress.class).getFirst();
        assertEquals("goftgu-tls", ingress.getSpec().getTls().getFirst().getSecretName());
        assertEquals("3600", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-read-timeout"));
        var routes = ingress.getSpec().getRules().getFirst().getHttp().getPaths().stream().collect(Collectors.toMap(
                p -> p.getPath(), p -> p.getBackend().getService().getName()));
        assertEquals(Map.of("/ws", name("realtime-service"), "/", name("gateway"),
                "/q", name("blocked"), "/internal", name("blocked")), routes);
        var blocked = named(defaults, Service.class, name("blocked"));
        assertTrue(blocked.getSpec().getSelector() == null || blocked.getSpec().getSelector().isEmpty(),
                "the blocked paths' Service selects no pod");
    }

    @Test
    void networkPoliciesLetOnlyTheIngressReachTheGatewayAndRealtime() {
        Map<String, Set<String>> callers = Map.of(
                "gateway", Set.of("ingress"),
                "realtime-service", Set.of("ingress", "gateway"),
                "internal-chat-service", Set.of("gateway", "realtime-service"),
                "support-chat-service", Set.of("gateway", "realtime-service"),
                "support-info-service", Set.of("gateway"));
        callers.forEach((service, expected) -> {
            var policy = named(defaults, NetworkPolicy.class, name(service));
            assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes());
            var actual = new TreeSet<String>();
            for (var rule : policy.getSpec().getIngress()) {
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    var namespace = peer.getNamespaceSelector();
                    if (namespace != null && "ingress-nginx".equals(
                            namespace.getMatchLabels().get("kubernetes.io/metadata.name"))) {
                        actual.add("ingress");
                    } else if (namespace != null) {
                        assertEquals("monitoring", namespace.getMatchLabels().get("kubernetes.io/metadata.name"));
                    } else {
                        actual.add(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
                    }
                }
            }
            assertEquals(new TreeSet<>(expected), actual, service);
        });
    }

    @Test
    void realtimeScalesOnSocketsInProductionAndTheOthersOnCpu() {
        var realtime = named(production, HorizontalPodAutoscaler.class, name("realtime-service"));
        assertEquals(3, realtime.getSpec().getMinReplicas());
        var metrics = realtime.getSpec().getMetrics().stream().map(m -> m.getType()).toList();
        assertEquals(List.of("Resource", "Pods"), metrics);
        assertEquals("goftgu_realtime_sockets_open",
                realtime.getSpec().getMetrics().get(1).getPods().getMetric().getName());
        var gateway = named(defaults, HorizontalPodAutoscaler.class, name("gateway"));
        assertEquals("cpu", gateway.getSpec().getMetrics().getFirst().getResource().getName());
        assertEquals(1, gateway.getSpec().getMetrics().size());
    }

    @Test
    void productionUsesTheExternalDatabaseAndKafkaAndNamedSecrets() {
        var config = named(production, ConfigMap.class, name("support-chat-service")).getData();
        assertEquals("jdbc:postgresql://pg.db.internal:5432/support_chat?sslmode=verify-full",
                config.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(config.get("KAFKA_BOOTSTRAP_SERVERS").startsWith("b-1.kafka.internal:9092"));
        assertEquals("false", config.get("QUARKUS_OTEL_SDK_DISABLED"));
        assertEquals("http://otel-collector.observability.svc:4317", config.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"));
        assertTrue(ofType(production, Secret.class).isEmpty(), "every credential comes from an existing Secret");
        var env = named(production, Deployment.class, name("support-chat-service")).getSpec().getTemplate().getSpec()
                .getContainers().getFirst().getEnv();
        var internal = env.stream().filter(e -> e.getName().equals("GOFTGU_INTERNAL_SECRET")).findFirst().orElseThrow();
        assertEquals("goftgu-internal", internal.getValueFrom().getSecretKeyRef().getName());
        assertEquals(5, ofType(production, GenericKubernetesResource.class).stream()
                .filter(o -> o.getKind().equals("ServiceMonitor")).count(), "a ServiceMonitor per service");
    }

    @Test
    void tracingIsOffByDefault() {
        for (var service : Chart.SERVICES.values()) {
            var config = named(defaults, ConfigMap.class, name(service)).getData();
            assertEquals("true", config.get("QUARKUS_OTEL_SDK_DISABLED"), service);
            assertFalse(config.containsKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"), service);
        }
    }

    @Test
    void realtimeAddsItsOwnJvmFlagsToTheGlobalOnes() {
        var global = "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError";
        for (var service : Chart.SERVICES.values()) {
            var javaOpts = named(defaults, ConfigMap.class, name(service)).getData().get("JAVA_OPTS_APPEND");
            if (service.equals("realtime-service")) {
                // its heap is mostly sockets: a small young generation, old generation committed as they need it
                assertEquals(global + " -XX:+UseSerialGC -XX:MaxNewSize=48m -XX:MinHeapFreeRatio=20"
                        + " -XX:MaxHeapFreeRatio=40", javaOpts);
            } else {
                assertEquals(global, javaOpts, service);
            }
        }
    }

    @Test
    void passwordsGivenAsValuesBecomeSecretsAndTheInternalSecretIsShared() {
        var objects = Chart.objects(Chart.template(c -> c
                .set("gateway.database.existingSecret", "").set("gateway.database.password", "s3cret")));
        var secret = named(objects, Secret.class, name("gateway"));
        assertEquals("czNjcmV0", secret.getData().get("password"));
        var internal = named(objects, Secret.class, name("internal"));
        // the value given at install (Chart.template gives one: generating it needs a cluster to look up)
        assertEquals("rendered-by-the-tests",
                new String(java.util.Base64.getDecoder().decode(internal.getData().get("internal-secret"))));
        for (var service : List.of("gateway", "support-chat-service")) {
            var env = named(objects, Deployment.class, name(service)).getSpec().getTemplate().getSpec()
                    .getContainers().getFirst().getEnv();
            assertTrue(env.stream().anyMatch(e -> e.getName().equals("GOFTGU_INTERNAL_SECRET")
                    && e.getValueFrom().getSecretKeyRef().getName().equals(name("internal"))), service);
        }
    }

    @Test
    void kafkaTopicsCarryEveryTopicWithItsPartitionsAndRetention() {
        var objects = Chart.objects(Chart.template(c -> c.set("kafkaTopics.enabled", "true")));
        var topics = ofType(objects, GenericKubernetesResource.class).stream()
                .filter(o -> o.getKind().equals("KafkaTopic")).toList();
        var names = new HashSet<String>();
        for (var topic : topics) {
            assertEquals("kafka.strimzi.io/v1beta2", topic.getApiVersion());
            assertEquals("goftgu-kafka", topic.getMetadata().getLabels().get("strimzi.io/cluster"));
            Map<String, Object> spec = topic.get("spec");
            names.add((String) spec.get("topicName"));
            assertTrue(((Number) spec.get("partitions")).intValue() >= 1);
            Map<String, Object> config = topic.get("spec", "config");
            long retention = ((Number) config.get("retention.ms")).longValue();
            if (spec.get("topicName").equals(Topics.REALTIME_SIGNALS)) {
                assertTrue(retention <= 5 * 60_000, "realtime.signals keeps minutes at most");
            } else {
                assertTrue(retention >= 24 * 3_600_000L, spec.get("topicName") + " keeps days");
            }
        }
        var expected = new HashSet<>(Topics.DOMAIN);
        expected.add(Topics.REALTIME_SIGNALS);
        assertEquals(expected, names);
    }
}
