package io.goftgu.gateway.notify;

import io.goftgu.events.Topics;
import io.goftgu.outbox.EventSubscriber;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Feeds {@link Notifier} from {@code internal-chat.events} and {@code support-chat.events}, as consumer group
 * {@value #CONSUMER}: each event once (deduped by its id in the same transaction as the notifier's change), in its
 * room's or ticket's order; the events that concern no one ({@link Notifier#concerns}) change nothing. A mail is due
 * minutes after its message, so the notifier waits: it fetches once per {@link NotifyConfig#batchWait()} and handles
 * what came in one transaction ({@link EventSubscriber#subscribeInBatches}), rather than a fetch, a transaction and a
 * synchronous commit per message. Users, e-mail addresses, names and deactivation are the gateway's own tables, so it
 * does not read {@code identity.events}.
 */
@ApplicationScoped
public class NotifyEvents {

    static final String CONSUMER = "gateway-notify";

    void start(@Observes StartupEvent ignored, EventSubscriber subscriber, Notifier notifier, NotifyConfig config) {
        subscriber.subscribeInBatches(CONSUMER, List.of(Topics.INTERNAL_CHAT, Topics.SUPPORT_CHAT), config.batchWait(),
                notifier::concerns, event -> {
                    if (Topics.INTERNAL_CHAT.equals(event.topic())) {
                        notifier.internalChat(event);
                    } else {
                        notifier.supportChat(event);
                    }
                });
    }
}
