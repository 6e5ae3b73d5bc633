package io.goftgu.realtime.domain;

/** Names of the frames on {@code /ws} (docs/design.md §4) that are not derived from a domain event. */
public final class FrameTypes {

    /** client → server: are you there? */
    public static final String PING = "ping";
    /** server → client: the answer to {@link #PING}. */
    public static final String PONG = "pong";
    /** server → client: a client frame could not be handled. */
    public static final String ERROR = "error";
    /** server → client: the answer to a client frame that asked for something, carrying the client's tempId. */
    public static final String ACK = "ack";
    /** client → server: send a message into a room (answered by {@link #ACK} with the saved message). */
    public static final String INTERNAL_CHAT_MESSAGE = "internal-chat:message";
    /** both ways: a member started or stopped typing in a room. */
    public static final String INTERNAL_CHAT_TYPING = "internal-chat:typing";
    /** both ways: the requester or staff started or stopped typing in a ticket (an internal-note draft: staff only). */
    public static final String SUPPORT_CHAT_TYPING = "support-chat:typing";
    /** client → server: the room the tab shows now / no longer shows. */
    public static final String INTERNAL_CHAT_JOIN = "internal-chat:join";
    public static final String INTERNAL_CHAT_LEAVE = "internal-chat:leave";
    /** client → server: the ticket the tab shows now / no longer shows. */
    public static final String SUPPORT_CHAT_JOIN = "support-chat:join";
    public static final String SUPPORT_CHAT_LEAVE = "support-chat:leave";
    /**
     * client → server: send a reply or note into a ticket (answered by {@link #ACK} with the saved message); server →
     * client it is the event frame of a ticket message.
     */
    public static final String SUPPORT_CHAT_MESSAGE = "support-chat:message";
    /** server → client (staff that joined the ticket): who else views it, types and composes there. */
    public static final String SUPPORT_CHAT_VIEWERS = "support-chat:viewers";
    /**
     * server → client: this replica could not deliver every frame to the socket (its queue overflowed, or events were
     * skipped); the client refetches what it shows by seq.
     */
    public static final String RESYNC = "resync";
    /** client → server: available, busy or away. */
    public static final String PRESENCE_SET = "presence:set";

    /** The frame types a client may send, named in metrics; anything else is counted as "unknown". */
    public static final java.util.Set<String> KNOWN_FROM_CLIENTS = java.util.Set.of(PING, INTERNAL_CHAT_MESSAGE,
            INTERNAL_CHAT_TYPING, SUPPORT_CHAT_TYPING, INTERNAL_CHAT_JOIN, INTERNAL_CHAT_LEAVE, SUPPORT_CHAT_JOIN,
            SUPPORT_CHAT_LEAVE, SUPPORT_CHAT_MESSAGE, PRESENCE_SET);

    private FrameTypes() {
    }
}
