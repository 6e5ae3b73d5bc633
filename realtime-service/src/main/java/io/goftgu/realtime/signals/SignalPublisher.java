package io.goftgu.realtime.signals;

import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.Topics;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes typing and presence on {@code realtime.signals}, in the same envelope as domain events, so every
 * replica (this one included) delivers them to its own sockets by the audience, exactly like domain events.
 * Signals are not stored anywhere: a lost one is corrected by the next.
 */
@ApplicationScoped
public class SignalPublisher {

    private final KafkaProducer<String, String> producer;
    /** Signals need order, not gap-free numbering: one counter per process. */
    private final AtomicLong sequence = new AtomicLong();

    SignalPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        var config = new HashMap<String, Object>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        // a signal older than a few seconds is wrong (typing long over, presence superseded): give up, don't queue
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "goftgu-realtime-signals");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer = new KafkaProducer<>(config);
    }

    public void publish(String type, UUID workspaceId, UUID aggregateId, Actor actor, Audience audience,
                        Object payload) {
        var event = new EventEnvelope(UUID.randomUUID(), type, 1, workspaceId, aggregateId,
                sequence.incrementAndGet(), Instant.now(), actor, audience, EventJson.toPayload(payload));
        producer.send(new ProducerRecord<>(Topics.REALTIME_SIGNALS, aggregateId.toString(), EventJson.write(event)),
                (metadata, failure) -> {
                    if (failure != null) {
                        Log.debugf("signal %s not published: %s", type, failure.toString());
                    }
                });
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
