package io.goftgu.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** values.schema.json refuses wrong types and unknown keys, through Helm itself and read on its own. */
class ValuesSchemaTest {

    private static String failure(Runnable render) {
        var error = assertThrows(RuntimeException.class, render::run);
        return error.getMessage();
    }

    @Test
    void helmRefusesAWrongType() {
        var message = failure(() -> Chart.template(c -> c.set("realtime.replicaCount", "three")));
        assertTrue(message.contains("replicaCount"), message);
    }

    @Test
    void helmRefusesAnUnknownKey() {
        var message = failure(() -> Chart.template(c -> c.set("gateway.replicas", "3")));
        assertTrue(message.contains("replicas"), message);
        var topLevel = failure(() -> Chart.template(c -> c.set("postgresql.enabled", "true")));
        assertTrue(topLevel.contains("postgresql"), topLevel);
    }

    @Test
    void helmRefusesAnUnknownTopic() {
        var message = failure(() -> Chart.template(c -> c.set("kafkaTopics.topics.chat\\.events.partitions", "3")));
        assertTrue(message.contains("chat.events"), message);
    }

    @Test
    void aNotifierBatchWaitTheGatewayWouldNotStartWithIsRefused() {
        // EventSubscriber.subscribeInBatches takes 1 ms to 10 s: the chart must not render what fails at startup
        for (var wait : new String[] {"30s", "10001ms", "0s", "0ms", "1m"}) {
            var message = failure(() -> Chart.template(c -> c.set("gateway.mail.batchWait", wait)));
            assertTrue(message.contains("batchWait"), wait + ": " + message);
        }
        for (var wait : new String[] {"1ms", "250ms", "10000ms", "1s", "10s"}) {
            Chart.template(c -> c.set("gateway.mail.batchWait", wait));
        }
    }

    @Test
    void aDatabaseWithoutPasswordOrSecretIsRefused() {
        var message = failure(() -> Chart.template(c -> c.set("supportInfo.database.existingSecret", "")));
        assertTrue(message.contains("supportInfo.database.password or supportInfo.database.existingSecret"), message);
    }

    @Test
    void theShippedValuesFilesPassTheSchema() throws Exception {
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Chart.CHART.resolve("values.schema.json").toUri());
        for (var file : new Path[] {Chart.CHART.resolve("values.yaml"), Chart.PRODUCTION_VALUES}) {
            JsonNode values = Chart.YAML.readTree(file.toFile());
            assertEquals(java.util.Set.of(), schema.validate(values), file.toString());
        }
        // and the same validator sees the mistakes Helm refuses
        JsonNode values = Chart.YAML.readTree(Chart.CHART.resolve("values.yaml").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) values.get("realtime")).put("replicaCount", "three");
        ((com.fasterxml.jackson.databind.node.ObjectNode) values.get("ingress")).put("hosts", "x");
        assertEquals(2, schema.validate(values).size());
    }
}
