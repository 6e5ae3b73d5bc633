package io.goftgu.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker for tests, one per JVM: {@code GOFTGU_TEST_KAFKA_BOOTSTRAP} when set, otherwise an in-JVM
 * KRaft node (combined broker and controller) from Kafka's own test kit. The test kit is an internal Kafka API:
 * this is the only class that touches it.
 */
public final class KafkaBroker {

    private static String bootstrapServers;

    private KafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            var external = System.getenv("GOFTGU_TEST_KAFKA_BOOTSTRAP");
            bootstrapServers = external != null && !external.isBlank() ? external : startInJvm();
        }
        return bootstrapServers;
    }

    private static String startInJvm() {
        for (var logger : new String[] {"org.apache.kafka", "kafka", "state.change.logger"}) {
            java.util.logging.Logger.getLogger(logger).setLevel(java.util.logging.Level.WARNING);
        }
        try {
            var cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            // a broker shutting down inside the test JVM may call Exit.halt/exit; it must not decide the JVM's exit code
            Exit.setHaltProcedure((code, message) -> { });
            Exit.setExitProcedure((code, message) -> { });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                var closer = Thread.ofPlatform().daemon().start(() -> {
                    try {
                        cluster.close();
                    } catch (Exception ignored) {
                        // the JVM is exiting
                    }
                });
                try {
                    closer.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-JVM Kafka broker", e);
        }
    }
}
