package io.goftgu.realtime.domain;

/** The server's answer to a client frame it cannot handle; the socket stays open. */
public record ErrorFrame(String type, String code, String message) {

    public static final String MALFORMED = "malformed-frame";
    public static final String UNKNOWN = "unknown-frame";

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
