package io.goftgu.realtime.domain;

/** Names of the frames on {@code /ws} (DESIGN.md §4) that are not derived from a domain event. */
public final class FrameTypes {

    /** client → server: are you there? */
    public static final String PING = "ping";
    /** server → client: the answer to {@link #PING}. */
    public static final String PONG = "pong";
    /** server → client: a client frame could not be handled. */
    public static final String ERROR = "error";

    private FrameTypes() {
    }
}
