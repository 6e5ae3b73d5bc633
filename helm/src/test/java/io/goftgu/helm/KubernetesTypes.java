package io.goftgu.helm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a manifest into the fabric8 Kubernetes model and refuses what the API server would not accept as written:
 * a kind the model does not know (outside the custom resources we name), and any field the type does not have
 * (fabric8 keeps unknown fields in {@code additionalProperties}; a misspelt or misplaced key lands there).
 */
final class KubernetesTypes {

    /** API groups of custom resources (their operators' CRDs are not in the fabric8 model). */
    static final Set<String> CUSTOM_GROUPS = Set.of("monitoring.coreos.com", "kafka.strimzi.io",
            "postgresql.cnpg.io", "kustomize.config.k8s.io");

    /** The served, non-deprecated API versions the manifests may use (Kubernetes 1.27+). */
    static final Set<String> CORE_API_VERSIONS = Set.of("v1", "apps/v1", "autoscaling/v2", "policy/v1",
            "networking.k8s.io/v1", "batch/v1", "rbac.authorization.k8s.io/v1");

    private KubernetesTypes() {
    }

    static HasMetadata strict(ObjectNode manifest) {
        var apiVersion = manifest.path("apiVersion").asText("");
        var kind = manifest.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty() || !manifest.path("metadata").path("name").isTextual()) {
            throw new AssertionError("apiVersion, kind and metadata.name are required: " + manifest);
        }
        var group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        HasMetadata object = Chart.KUBERNETES.unmarshal(manifest.toString());
        if (CUSTOM_GROUPS.contains(group)) {
            return object;
        }
        if (!CORE_API_VERSIONS.contains(apiVersion)) {
            throw new AssertionError(kind + " uses " + apiVersion + ", not a current API version");
        }
        if (object instanceof GenericKubernetesResource) {
            throw new AssertionError("the Kubernetes API has no " + apiVersion + " " + kind);
        }
        var unknown = new ArrayList<String>();
        collectUnknown(object, kind + "/" + object.getMetadata().getName(), unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError("fields the Kubernetes API does not have: " + unknown);
        }
        return object;
    }

    private static void collectUnknown(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknown(v, path + "." + k, unknown));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (var item : items) {
                collectUnknown(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
                continue;
            }
            collectUnknown(field, path + "." + decapitalize(getter.getName().substring(3)), unknown);
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
