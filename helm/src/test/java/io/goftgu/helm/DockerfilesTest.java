package io.goftgu.helm;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service's image recipe (src/main/docker/Dockerfile.jvm, and the same image as Quarkus Jib settings) fits the chart: a maintained JRE 21 base, the
 * fast-jar layout, a numeric non-root user equal to the Deployment's runAsUser, and the port the chart probes.
 * No image is built here (no Docker engine in CI); this keeps the recipe and the chart from drifting apart.
 */
class DockerfilesTest {

    static java.util.List<io.fabric8.kubernetes.api.model.HasMetadata> rendered;

    @org.junit.jupiter.api.BeforeAll
    static void render() {
        rendered = Chart.objects(Chart.template());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "internal-chat-service", "support-chat-service", "support-info-service",
            "realtime-service"})
    void theImageRecipeMatchesTheChart(String service) {
        var dockerfile = Chart.read(Chart.ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
        assertTrue(Pattern.compile("(?m)^FROM (registry\\.access\\.redhat\\.com/ubi9/openjdk-21-runtime|eclipse-temurin):[0-9.]+(-jre)?")
                .matcher(dockerfile).find(), "a maintained, pinned JRE 21 base");
        assertTrue(dockerfile.contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/"));
        assertTrue(dockerfile.contains("target/quarkus-app/quarkus/"));

        var deployment = Chart.named(rendered, Deployment.class, ChartTest.name(service));
        var pod = deployment.getSpec().getTemplate().getSpec();
        var user = matchOne(dockerfile, "(?m)^USER (\\d+)$");
        assertEquals(pod.getSecurityContext().getRunAsUser(), Long.valueOf(user), "the image's user is the pod's");
        var port = matchOne(dockerfile, "(?m)^EXPOSE (\\d+)$");
        assertEquals(Integer.valueOf(port), pod.getContainers().getFirst().getPorts().getFirst().getContainerPort());

        // the Quarkus container-image (Jib) settings build the same image without a Docker daemon
        var properties = Chart.read(Chart.ROOT.resolve(service).resolve("src/main/resources/application.properties"));
        var base = matchOne(dockerfile, "(?m)^FROM (\\S+)$");
        assertEquals(base, matchOne(properties, "(?m)^quarkus\\.jib\\.base-jvm-image=(\\S+)$"));
        assertEquals(user, matchOne(properties, "(?m)^quarkus\\.jib\\.user=(\\S+)$"));
        assertEquals(port, matchOne(properties, "(?m)^quarkus\\.jib\\.ports=(\\S+)$"));
        assertEquals("goftgu-" + service, matchOne(properties, "(?m)^quarkus\\.container-image\\.name=(\\S+)$"));
    }

    private static String matchOne(String text, String regex) {
        var m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1);
    }
}
