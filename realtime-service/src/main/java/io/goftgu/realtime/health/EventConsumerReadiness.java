package io.goftgu.realtime.health;

import io.goftgu.realtime.listener.DomainEventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the Kafka consumer has its partitions: a replica that cannot read events must not take sockets,
 * since they would never receive a frame.
 */
@Readiness
@ApplicationScoped
public class EventConsumerReadiness implements HealthCheck {

    private final DomainEventConsumer consumer;

    EventConsumerReadiness(DomainEventConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka-event-consumer")
                .status(consumer.isAssigned())
                .withData("client", consumer.clientId())
                .withData("partitions", consumer.assignedPartitions().size())
                .build();
    }
}
