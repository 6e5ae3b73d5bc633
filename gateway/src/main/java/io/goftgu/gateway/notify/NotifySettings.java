package io.goftgu.gateway.notify;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Who wants which mails ({@code notify_user_settings}: no row = every kind on) and how long a workspace waits before
 * mailing an unread message ({@code notify_workspace_settings}: no row = {@link NotifyConfig#delay()}).
 */
@ApplicationScoped
public class NotifySettings {

    /** A person's e-mail switches. */
    public record Switches(boolean mention, boolean direct, boolean ticketReply) {
        public static final Switches ALL_ON = new Switches(true, true, true);

        public boolean on(NotifyKind kind) {
            return switch (kind) {
                case MENTION -> mention;
                case DIRECT -> direct;
                case TICKET_REPLY -> ticketReply;
            };
        }

        /** The switches of a {@code notify_user_settings} row read from {@code first} on; no row is every kind on. */
        static Switches of(ResultSet row, int first) throws SQLException {
            return row.getObject(first) == null ? ALL_ON
                    : new Switches(row.getBoolean(first), row.getBoolean(first + 1), row.getBoolean(first + 2));
        }

        public Switches with(NotifyKind kind, boolean on) {
            return new Switches(kind == NotifyKind.MENTION ? on : mention, kind == NotifyKind.DIRECT ? on : direct,
                    kind == NotifyKind.TICKET_REPLY ? on : ticketReply);
        }
    }

    private final DataSource dataSource;
    private final NotifyConfig config;

    NotifySettings(DataSource dataSource, NotifyConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    public Switches switches(UUID userId) {
        return Sql.one(dataSource, "SELECT mention, direct, ticket_reply FROM notify_user_settings WHERE user_id = ?",
                        rs -> Switches.of(rs, 1), userId)
                .orElse(Switches.ALL_ON);
    }

    public void save(UUID userId, Switches switches) {
        Sql.update(dataSource, """
                INSERT INTO notify_user_settings (user_id, mention, direct, ticket_reply, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET mention = excluded.mention, direct = excluded.direct,
                    ticket_reply = excluded.ticket_reply, updated_at = excluded.updated_at""",
                userId, switches.mention(), switches.direct(), switches.ticketReply(), Timestamp.from(Instant.now()));
    }

    /** The workspace's own delay in minutes, or null when it uses the default. */
    public Integer workspaceDelayMinutes(UUID workspaceId) {
        return Sql.one(dataSource, "SELECT email_delay_minutes FROM notify_workspace_settings WHERE workspace_id = ?",
                rs -> rs.getInt(1), workspaceId).orElse(null);
    }

    public Duration delay(UUID workspaceId) {
        var minutes = workspaceDelayMinutes(workspaceId);
        return minutes == null ? config.delay() : Duration.ofMinutes(minutes);
    }

    /** Sets the workspace's delay, or back to the default when {@code minutes} is null. */
    public void saveWorkspaceDelay(UUID workspaceId, Integer minutes) {
        if (minutes == null) {
            Sql.update(dataSource, "DELETE FROM notify_workspace_settings WHERE workspace_id = ?", workspaceId);
            return;
        }
        Sql.update(dataSource, """
                INSERT INTO notify_workspace_settings (workspace_id, email_delay_minutes, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (workspace_id) DO UPDATE SET email_delay_minutes = excluded.email_delay_minutes,
                    updated_at = excluded.updated_at""",
                workspaceId, minutes, Timestamp.from(Instant.now()));
    }
}
