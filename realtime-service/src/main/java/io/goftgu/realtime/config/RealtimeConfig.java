package io.goftgu.realtime.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Settings of realtime-service ({@code goftgu.realtime.*}); application.properties maps them to env variables. */
@ConfigMapping(prefix = "goftgu.realtime")
public interface RealtimeConfig {

    /** Browser origins allowed to open {@code /ws} (scheme://host[:port]); requests without an Origin pass. */
    List<String> allowedOrigins();

    /** Base URL of internal-chat-service, which socket frames call with the holder's own token. */
    @WithDefault("http://localhost:8081")
    String internalChatUrl();

    /** Base URL of support-chat-service, asked whether a socket holder may type in a ticket. */
    @WithDefault("http://localhost:8082")
    String supportChatUrl();

    /** A typing indicator with no refresh for this long stops by itself. */
    @WithDefault("5s")
    Duration typingTimeout();

    /** How long what a room's or ticket's owner said about a typist (members, requester) is reused. */
    @WithDefault("10s")
    Duration membersCacheTime();

    /** Limits that keep one socket from harming the others. */
    Limits limits();

    interface Limits {

        /**
         * A socket with frames waiting and none written out for this long is cut as a slow consumer: its client
         * stopped reading. (A burst to a healthy client drains in milliseconds.)
         */
        @WithDefault("5s")
        Duration stallTimeout();

        /** Frames handed to a socket but not yet written out, at most: the memory bound per socket. */
        @WithDefault("4096")
        int maxUnwrittenFrames();

        /**
         * Frames waiting across all sockets of this replica, at most, before the Kafka consumer holds off: the
         * memory bound of the replica. A backlog beyond it stays in Kafka.
         */
        @WithDefault("100000")
        int maxWaitingFrames();

        /** Client frames a socket may send per second, on average. */
        @WithDefault("20")
        double framesPerSecond();

        /** Client frames a socket may send in a burst. */
        @WithDefault("40")
        int frameBurst();

        /**
         * Rooms and tickets one socket may have joined ({@code internal-chat:join}, {@code support-chat:join}) at
         * once; joining one more lets go of the one joined longest ago (a tab that never said leave).
         */
        @WithDefault("5")
        int maxJoined();

        /**
         * Sockets one user or guest may hold open on this replica (tabs, devices); one more is closed at once with 1008.
         */
        @WithDefault("20")
        int maxSocketsPerPrincipal();

        /**
         * Checks with an owner service (may this socket see room or ticket X?) a socket may cause per second, on
         * average, with a burst of {@link #checkBurst()}: joins of rooms not seen lately cost one each.
         */
        @WithDefault("1")
        double checksPerSecond();

        @WithDefault("10")
        int checkBurst();

        /** A socket that sends nothing, not even a pong to the server's pings, for this long is closed. */
        @WithDefault("90s")
        Duration idleTimeout();
    }

    /** Presence across replicas ({@link io.goftgu.realtime.signals.Presence}). */
    Presence presence();

    interface Presence {

        /** How often a replica reports what it holds and that it is alive. */
        @WithDefault("2s")
        Duration heartbeatInterval();

        /** A replica without a heartbeat for this long is taken for dead, and its users for offline. */
        @WithDefault("6s")
        Duration replicaTimeout();
    }

    /** The Kafka consumer that feeds the sockets. */
    Consumer consumer();

    interface Consumer {

        /** How long one poll waits for records before the loop goes round again. */
        @WithDefault("500ms")
        Duration pollTimeout();

        /** How long to wait before polling again after Kafka failed. */
        @WithDefault("2s")
        Duration retryBackoff();

        /** How many recent event ids are remembered to drop redelivered events (at-least-once relay). */
        @WithDefault("10000")
        int dedupeWindow();
    }
}
