package io.goftgu.gateway.notify;

/** What a mail is about; each can be turned off per person ({@code /api/me/notifications}, the unsubscribe link). */
public enum NotifyKind {
    /** A staff user was mentioned in an internal-chat room. */
    MENTION("mention"),
    /** A staff user got a direct message. */
    DIRECT("direct"),
    /** A customer's ticket got a public reply from staff. */
    TICKET_REPLY("ticketReply");

    private final String field;

    NotifyKind(String field) {
        this.field = field;
    }

    /** The field of the settings API and the unsubscribe token's claim. */
    public String field() {
        return field;
    }

    public static NotifyKind ofField(String field) {
        for (var kind : values()) {
            if (kind.field.equals(field)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown notification kind " + field);
    }
}
