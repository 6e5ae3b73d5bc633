package io.goftgu.realtime.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The server's answer to a client frame it cannot handle; the socket stays open. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorFrame(String type, String code, String message, String tempId, Integer status) {

    public static final String MALFORMED = "malformed-frame";
    public static final String UNKNOWN = "unknown-frame";
    /** The frame was understood, but the owning service refused it (status and message say why). */
    public static final String REJECTED = "rejected";
    /** Typing for a room or ticket this socket has not joined: dropped without asking its owner. */
    public static final String NOT_JOINED = "not-joined";
    /** The socket asked too many owner checks (joins) too fast; the frame was dropped, the socket stays open. */
    public static final String RATE_LIMITED = "rate-limited";

    public ErrorFrame(String type, String code, String message) {
        this(type, code, message, null, null);
    }

    public static ErrorFrame rejected(String tempId, int status, String message) {
        return new ErrorFrame(FrameTypes.ERROR, REJECTED, message, tempId, status);
    }

    public static ErrorFrame notJoined(String what) {
        return new ErrorFrame(FrameTypes.ERROR, NOT_JOINED, "join the " + what + " first; typing elsewhere is dropped");
    }

    public static ErrorFrame rateLimited(String tempId, String message) {
        return new ErrorFrame(FrameTypes.ERROR, RATE_LIMITED, message, tempId, 429);
    }

    private static final int MAX_ECHOED_TYPE = 64;

    public static ErrorFrame malformed(String message) {
        return new ErrorFrame(FrameTypes.ERROR, MALFORMED, message);
    }

    public static ErrorFrame unknown(String clientType) {
        var shown = clientType.length() <= MAX_ECHOED_TYPE ? clientType
                : clientType.substring(0, MAX_ECHOED_TYPE) + "…";
        return new ErrorFrame(FrameTypes.ERROR, UNKNOWN, "unknown frame type '" + shown + "'");
    }
}
