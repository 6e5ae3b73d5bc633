package io.goftgu.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Collection;
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

    private TopicSetup() {
    }

    public static void ensure(Object bootstrapServers, Collection<String> topics) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
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
}
