package io.goftgu.events;

import java.util.List;

/** The Kafka topics of Goftgu. Record key = the aggregate id, so one aggregate's events keep their order. */
public final class Topics {

    public static final String IDENTITY = "identity.events";
    public static final String INTERNAL_CHAT = "internal-chat.events";
    public static final String SUPPORT_CHAT = "support-chat.events";
    public static final String SUPPORT_INFO = "support-info.events";
    /** Typing and presence: short retention, never replayed into history. */
    public static final String REALTIME_SIGNALS = "realtime.signals";

    /** The durable domain topics, as realtime-service and other CRM services consume them. */
    public static final List<String> DOMAIN = List.of(IDENTITY, INTERNAL_CHAT, SUPPORT_CHAT, SUPPORT_INFO);

    private Topics() {
    }
}
