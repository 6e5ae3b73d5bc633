package io.goftgu.helm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strict reading the chart and k8s/ tests rely on refuses what the API server would refuse. */
class KubernetesTypesTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              selector: {matchLabels: {a: b}}
              template:
                metadata: {labels: {a: b}}
                spec:
                  containers:
                    - name: c
                      image: i
                      %s: IfNotPresent
            """;

    private static ObjectNode one(String yaml) {
        return Chart.documents(yaml).getFirst();
    }

    @Test
    void aKnownFieldPasses() {
        assertDoesNotThrow(() -> KubernetesTypes.strict(one(DEPLOYMENT.formatted("imagePullPolicy"))));
    }

    @Test
    void aMisspeltFieldIsRefusedWithItsPath() {
        var error = assertThrows(AssertionError.class,
                () -> KubernetesTypes.strict(one(DEPLOYMENT.formatted("imagePullPolcy"))));
        assertTrue(error.getMessage().contains("containers[0]: [imagePullPolcy]"), error.getMessage());
    }

    @Test
    void aRemovedApiVersionIsRefused() {
        assertThrows(AssertionError.class, () -> KubernetesTypes.strict(one("""
                apiVersion: autoscaling/v2beta2
                kind: HorizontalPodAutoscaler
                metadata: {name: h}
                spec: {maxReplicas: 2}
                """)));
    }

    @Test
    void anUnknownKindIsRefused() {
        assertThrows(AssertionError.class, () -> KubernetesTypes.strict(one("""
                apiVersion: v1
                kind: Deploymant
                metadata: {name: x}
                """)));
    }
}
