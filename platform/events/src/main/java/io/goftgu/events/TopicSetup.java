package io.goftgu.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates missing topics (with the broker's default partitions and replication) before a consumer subscribes.
 * A consumer that subscribes to a topic that does not exist yet only notices it at its next metadata refresh,
 * minutes later; in Kubernetes the topics come from Strimzi and this finds them present.
 */
public final class TopicSetup {

    /**
     * How long a consumer's fetch waits at the broker while its partitions have nothing new ({@code
     * fetch.max.wait.ms}; Kafka's default is 500 ms). An event answers a waiting fetch at once ({@code
     * fetch.min.bytes} stays 1), so this delays no event: it spares each idle consumer, and the broker, a fetch
     * every half second. What it delays, by at most this, is a partition the fetch out does not cover: one sought
     * after its handler failed, or one just assigned. realtime-service's consumer keeps Kafka's default: after it
     * finds events removed by retention and seeks to the end, what comes next must reach the sockets at once
     * ({@code SkippedEventsTest}).
     */
    public static final int IDLE_FETCH_WAIT_MS = 5_000;

    private TopicSetup() {
    }

    public static void ensure(Object bootstrapServers, Collection<String> topics) {
        try (var admin = admin(bootstrapServers)) {
            var existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            var missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.empty(), Optional.empty())).toList();
            for (var result : admin.createTopics(missing).values().values()) {
                try {
                    result.get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics " + topics + ": " + e.getMessage(), e);
        }
    }

    /**
     * Ensures the topics and returns every partition of them, once each has a leader. A consumer that assigns itself
     * partitions needs the whole list: right after creation the metadata can still be partial.
     */
    public static List<TopicPartition> partitions(Object bootstrapServers, Collection<String> topics) {
        ensure(bootstrapServers, topics);
        try (var admin = admin(bootstrapServers)) {
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                var described = admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS).values();
                var ready = described.size() == topics.size() && described.stream().allMatch(topic ->
                        !topic.partitions().isEmpty() && topic.partitions().stream().allMatch(p -> p.leader() != null));
                if (ready) {
                    return described.stream().flatMap(topic -> topic.partitions().stream()
                            .map(p -> new TopicPartition(topic.name(), p.partition()))).toList();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the partitions of " + topics + " have no leader yet");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe topics " + topics + ": " + e.getMessage(), e);
        }
    }

    private static Admin admin(Object bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }
}
