package io.goftgu.gateway.notify;

import io.goftgu.gateway.domain.UserAccount;
import io.goftgu.jobs.ReplicaLock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;

/**
 * Sends the mails {@link Notifier} queued once they are due, on one replica at a time ({@link ReplicaLock}): a mail
 * whose message was read meanwhile is no longer queued; one to a person who is deactivated, turned the kind off,
 * muted or left the room is dropped unsent. Each send is recorded in {@code notify_sent}, which holds the next mail
 * about the same room or ticket back for the digest interval. A send the SMTP server refuses is retried a minute
 * later. The mail is Persian first, then English (the gateway does not know a person's language), HTML escaped by
 * Qute, with a one-click unsubscribe link (RFC 8058) in its headers and body.
 */
@ApplicationScoped
public class DueMails {

    private static final long LOCK = 0x676f667467750003L;

    private record Due(UUID userId, UUID contextId, UUID workspaceId, NotifyKind kind, int messages, String sender,
                       String snippet) {
    }

    private final DataSource dataSource;
    private final ReplicaLock lock;
    private final Mailer mailer;
    private final NotifyConfig config;
    private final NotifySettings settings;
    private final Notifier notifier;
    private final UnsubscribeTokens tokens;
    private final Template html;
    private final Template text;
    private final MeterRegistry meters;

    DueMails(DataSource dataSource, ReplicaLock lock, Mailer mailer, NotifyConfig config, NotifySettings settings,
             Notifier notifier, UnsubscribeTokens tokens, @Location("notify/mail.html") Template html,
             @Location("notify/mail.txt") Template text, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.lock = lock;
        this.mailer = mailer;
        this.config = config;
        this.settings = settings;
        this.notifier = notifier;
        this.tokens = tokens;
        this.html = html;
        this.text = text;
        this.meters = meters;
    }

    @Scheduled(every = "${goftgu.notify.scan-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.email()) {
            sendDue();
        }
    }

    /** Sends what is due; returns how many mails went, or -1 when another replica holds the turn. */
    @Transactional
    public int sendDue() {
        if (!lock.tryTake(LOCK)) {
            return -1;
        }
        var due = Sql.list(dataSource, """
                SELECT user_id, context_id, workspace_id, kind, messages, sender_name, snippet FROM notify_pending
                WHERE due_at <= now() ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED""",
                rs -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        NotifyKind.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6), rs.getString(7)),
                config.batchSize());
        // a send older than the digest interval holds nothing back any more
        Sql.update(dataSource, "DELETE FROM notify_sent WHERE sent_at < ?",
                Timestamp.from(Instant.now().minus(config.digestInterval())));
        int sent = 0;
        for (var mail : due) {
            if (deliver(mail)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(Due due) {
        UserAccount user = UserAccount.findById(due.userId());
        boolean wanted = user != null && user.active && user.workspaceId.equals(due.workspaceId())
                && settings.switches(user.id).on(due.kind())
                && (due.kind() == NotifyKind.TICKET_REPLY || !notifier.muted(due.contextId(), user.id));
        if (!wanted) {
            forget(due);
            return false;
        }
        try {
            mailer.send(compose(user, due));
        } catch (RuntimeException e) {
            Log.warnf(e, "notify: mail to user %s about %s failed (%s), retrying in %s", user.id, due.contextId(),
                    e.getMessage(), config.retryAfter());
            Sql.update(dataSource, "UPDATE notify_pending SET due_at = ? WHERE user_id = ? AND context_id = ?",
                    Timestamp.from(Instant.now().plus(config.retryAfter())), due.userId(), due.contextId());
            meters.counter("goftgu.notify.mails", "kind", due.kind().field(), "outcome", "failed").increment();
            return false;
        }
        forget(due);
        Sql.update(dataSource, """
                INSERT INTO notify_sent (user_id, context_id, sent_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id, context_id) DO UPDATE SET sent_at = excluded.sent_at""",
                due.userId(), due.contextId(), Timestamp.from(Instant.now()));
        meters.counter("goftgu.notify.mails", "kind", due.kind().field(), "outcome", "sent").increment();
        return true;
    }

    private void forget(Due due) {
        Sql.update(dataSource, "DELETE FROM notify_pending WHERE user_id = ? AND context_id = ?",
                due.userId(), due.contextId());
    }

    private Mail compose(UserAccount user, Due due) {
        var ticket = due.kind() == NotifyKind.TICKET_REPLY;
        String title;
        if (ticket) {
            title = Sql.one(dataSource, "SELECT number, subject FROM notify_ticket WHERE id = ?",
                            rs -> join(rs.getString(1), rs.getString(2)), due.contextId())
                    .orElse("");
        } else {
            title = Sql.one(dataSource, "SELECT title FROM notify_room WHERE id = ?", rs -> rs.getString(1),
                    due.contextId()).orElse(null);
        }
        var sender = due.sender() == null ? "" : due.sender();
        if (title == null || title.isBlank()) {
            title = sender;
        }
        var base = config.publicUrl().replaceAll("/+$", "");
        var openUrl = base + (ticket ? "/panel/support-chat/" : "/dashboard/internal-chat/") + due.contextId();
        var unsubscribeUrl = base + "/api/notifications/unsubscribe?token="
                + URLEncoder.encode(tokens.sign(user.id, user.workspaceId, due.kind()), StandardCharsets.UTF_8);
        var subject = oneLine(switch (due.kind()) {
            case MENTION -> sender + " در «" + title + "» از شما نام برد — " + sender + " mentioned you in " + title;
            case DIRECT -> "پیام از " + sender + " — Message from " + sender;
            case TICKET_REPLY -> "پاسخ به درخواست «" + title + "» — New reply on " + title;
        });
        var data = new HashMap<String, Object>();
        data.put("subject", subject);
        data.put("name", user.name);
        data.put("sender", sender);
        data.put("title", title);
        data.put("snippet", due.snippet());
        data.put("more", due.messages() - 1);
        data.put("mention", due.kind() == NotifyKind.MENTION);
        data.put("direct", due.kind() == NotifyKind.DIRECT);
        data.put("ticket", ticket);
        data.put("openUrl", openUrl);
        data.put("unsubscribeUrl", unsubscribeUrl);
        var htmlBody = html.instance();
        var textBody = text.instance();
        data.forEach((key, value) -> {
            htmlBody.data(key, value);
            textBody.data(key, value);
        });
        return Mail.withHtml(user.email, subject, htmlBody.render())
                .setText(textBody.render())
                .addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Auto-Submitted", "auto-generated");
    }

    private static String join(String number, String subject) {
        if (number == null) {
            return subject;
        }
        return subject == null ? number : number + " " + subject;
    }

    private static String oneLine(String text) {
        var flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
