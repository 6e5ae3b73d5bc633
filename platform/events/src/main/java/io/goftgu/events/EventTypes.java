package io.goftgu.events;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Event type names and the rule they follow: {@code <service>.<aggregate>.<past-tense-verb>}, each part lower-case
 * kebab-case, e.g. {@code internal-chat.message.created} or {@code support-chat.ticket.status-changed}. The service
 * part names the topic the event is published on.
 */
public final class EventTypes {

    public static final String WORKSPACE_CREATED = "identity.workspace.created";
    public static final String USER_CREATED = "identity.user.created";
    public static final String USER_UPDATED = "identity.user.updated";
    public static final String USER_DEACTIVATED = "identity.user.deactivated";
    public static final String TEAM_CREATED = "identity.team.created";
    public static final String TEAM_MEMBER_ADDED = "identity.team.member-added";
    public static final String TEAM_MEMBER_REMOVED = "identity.team.member-removed";

    public static final String MESSAGE_CREATED = "internal-chat.message.created";

    private static final Pattern RULE = Pattern.compile("([a-z]+(?:-[a-z]+)*)\\.[a-z]+(?:-[a-z]+)*\\.[a-z]+(?:-[a-z]+)*");

    private static final Map<String, String> TOPIC_BY_SERVICE = Map.of(
            "identity", Topics.IDENTITY,
            "internal-chat", Topics.INTERNAL_CHAT,
            "support-chat", Topics.SUPPORT_CHAT,
            "support-info", Topics.SUPPORT_INFO,
            "realtime", Topics.REALTIME_SIGNALS);

    private EventTypes() {
    }

    /** Returns {@code type} when it follows the rule and names a known service, or throws. */
    public static String requireValid(String type) {
        topicOf(type);
        return type;
    }

    public static String topicOf(String type) {
        if (type == null) {
            throw new IllegalArgumentException("event type is required");
        }
        var matcher = RULE.matcher(type);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "event type '" + type + "' does not follow <service>.<aggregate>.<past-tense-verb>");
        }
        var topic = TOPIC_BY_SERVICE.get(matcher.group(1));
        if (topic == null) {
            throw new IllegalArgumentException("event type '" + type + "' names no known service");
        }
        return topic;
    }
}
