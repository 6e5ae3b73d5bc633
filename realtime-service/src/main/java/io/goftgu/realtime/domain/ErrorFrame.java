package io.goftgu.realtime.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The server's answer to a client frame it cannot handle; the socket stays open. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorFrame(String type, String code, String message, String tempId, Integer status) {

    public static final String MALFORMED = "malformed-frame";
    public static final String UNKNOWN = "unknown-frame";
    /** The frame was understood, but the owning service refused it (status and message say why). */
    public static final String REJECTED = "rejected";

    public ErrorFrame(String type, String code, String message) {
        this(type, code, message, null, null);
    }

    public static ErrorFrame rejected(String tempId, int status, String message) {
        return new ErrorFrame(FrameTypes.ERROR, REJECTED, message, tempId, status);
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
