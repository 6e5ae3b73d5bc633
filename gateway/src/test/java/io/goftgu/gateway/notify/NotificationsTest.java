package io.goftgu.gateway.notify;

import io.goftgu.events.EventEnvelope;
import io.goftgu.gateway.support.ChatEvents;
import io.goftgu.gateway.support.ChatEvents.Member;
import io.goftgu.gateway.support.GatewayTest;
import io.goftgu.gateway.support.MailResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notification e-mail end to end inside the gateway: events as internal chat and support chat publish them (checked
 * against docs/asyncapi) go through real Kafka into the notifier, and mails arrive at a real SMTP server (GreenMail).
 * The test profile waits 2 s before mailing an unread message and 4 s between two mails about one room.
 *
 * <p>"Never mailed" is proven from the notifier's state rather than by waiting a while: a mail is only ever sent from
 * a row of {@code notify_pending} ({@link DueMails}), and the notifier's changes for an event commit together with
 * its dedupe row in {@code processed_event} ({@link NotifyEvents}). So once an event is handled ({@link #awaitHandled})
 * nothing it queued can still be on its way, and once a later event about the same room or ticket is handled (the
 * same Kafka key, so the same partition, handled in order) the ones before it were handled too; that is how an event
 * the notifier writes nothing for, such as a note or a redelivery, is waited for. A queued row is read before the
 * mailbox: the scan sends a mail before it deletes its row and commits, so a mail that went is in the mailbox by the
 * time its row is seen gone.
 */
@QuarkusTest
class NotificationsTest extends GatewayTest {

    /** How long the consumer, the scan or the SMTP server may take under load before a test gives up. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    DataSource dataSource;

    @Inject
    DueMails dueMails;

    private record Staff(Workspace workspace, String adminToken, UUID sara, String saraEmail, UUID ali, String aliEmail) {
    }

    private static Staff staff(String prefix) {
        var workspace = signUp(prefix);
        var admin = adminToken(workspace);
        var saraEmail = "sara@" + workspace.slug() + ".example";
        var aliEmail = "ali@" + workspace.slug() + ".example";
        return new Staff(workspace, admin, createUser(admin, "Sara <b>Staff</b>", saraEmail, "ADMIN"), saraEmail,
                createUser(admin, "Ali Staff", aliEmail, "ADMIN"), aliEmail);
    }

    @Test
    void anUnreadMentionIsMailedOnceAfterTheDelayWithAnUnsubscribeLink() throws Exception {
        var s = staff("mention");
        var room = UUID.randomUUID();
        var members = List.of(s.sara(), s.ali());
        ChatEvents.room(s.workspace().id(), room, "GROUP", "Sales <team>", List.of(new Member(s.sara(), false),
                new Member(s.ali(), false)));
        ChatEvents.message(s.workspace().id(), room, 1, s.sara(), "Sara <b>Staff</b>", "@Ali a first look",
                List.of(s.ali()), members);
        var sent = ChatEvents.message(s.workspace().id(), room, 2, s.sara(), "Sara <b>Staff</b>",
                "@Ali look at <script>alert(1)</script>", List.of(s.ali()), members);

        var mail = awaitMail(s.aliEmail(), PATIENCE);
        assertTrue(mail.getSubject().startsWith("Sara <b>Staff</b> در «Sales <team>» از شما نام برد"),
                mail.getSubject());
        assertTrue(mail.getSubject().contains("mentioned you in Sales <team>"), mail.getSubject());
        var parts = parts(mail);
        var html = parts.get("text/html");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.indexOf("عزیز") < html.indexOf("Hello"), "Persian comes first: " + html);
        assertTrue(html.contains("(and 1 more)"), "the second mention joins the first one's mail: " + html);
        assertTrue(parts.get("text/plain").contains("http://goftgu.test/dashboard/internal-chat/" + room));
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);

        // the sender is never told about her own message; a redelivered event mails nobody again. Once the first
        // mail's row is gone (sent), the message is published again and a room update behind it on the same
        // partition: when the update is handled the redelivery was too, and it queued nothing for anyone
        awaitNothingPendingAbout(room);
        ChatEvents.publish(sent);
        awaitHandled(ChatEvents.memberUpdated(s.workspace().id(), room, "GROUP", "Sales <team>",
                List.of(new Member(s.sara(), false), new Member(s.ali(), false)), s.sara()));
        assertEquals(List.of(), pendingAbout(room), "the redelivered mention queued a mail");
        assertEquals(1, mailsTo(s.aliEmail()).size());
        assertEquals(0, mailsTo(s.saraEmail()).size());

        // the link works without signing in: GET asks, POST turns mentions off; a changed token is refused
        var link = URI.create(mail.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", ""));
        var local = link.getRawPath() + "?" + link.getRawQuery();
        RestAssured.given().get(local).then().statusCode(200).body(containsString("<form method=\"post\""));
        bearer(login(s.workspace().slug(), s.aliEmail(), PASSWORD).accessToken()).get("/api/me/notifications")
                .then().statusCode(200).body("mention", equalTo(true));
        var token = link.getRawQuery().substring("token=".length());
        var tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        RestAssured.given().post(link.getRawPath() + "?token=" + tampered).then().statusCode(400);
        RestAssured.given().post(link.getRawPath() + "?token=" + token.replace('.', '_')).then().statusCode(400);
        RestAssured.given().post(link.getRawPath()).then().statusCode(400);
        bearer(login(s.workspace().slug(), s.aliEmail(), PASSWORD).accessToken()).get("/api/me/notifications")
                .then().statusCode(200).body("mention", equalTo(true));
        // a browser with a stale session cookie and no CSRF header: the link reads only its own token
        RestAssured.given().cookie("goftgu_session", "stale").contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post(local).then().statusCode(200).body(containsString("Done"));
        bearer(login(s.workspace().slug(), s.aliEmail(), PASSWORD).accessToken()).get("/api/me/notifications")
                .then().statusCode(200).body("mention", equalTo(false)).body("direct", equalTo(true))
                .body("ticketReply", equalTo(true));

        // and no more mention mails for Ali: the mention is handled and queues nothing
        awaitHandled(ChatEvents.message(s.workspace().id(), room, 3, s.sara(), "Sara", "@Ali again",
                List.of(s.ali()), members));
        assertEquals(List.of(), pendingAbout(room), "a mention mail was queued after unsubscribing");
        assertEquals(1, mailsTo(s.aliEmail()).size());
    }

    @Test
    void aMessageThatConcernsNoOneCostsNoTransaction() throws Exception {
        var s = staff("plain");
        var room = UUID.randomUUID();
        var members = List.of(s.sara(), s.ali());
        ChatEvents.room(s.workspace().id(), room, "GROUP", "Sales", List.of(new Member(s.sara(), false),
                new Member(s.ali(), false)));
        var plain = ChatEvents.message(s.workspace().id(), room, 1, s.sara(), "Sara", "hello all", List.of(), members);
        var mention = ChatEvents.message(s.workspace().id(), room, 2, s.sara(), "Sara", "@Ali", List.of(s.ali()),
                members);
        // same room, same partition: once the mention behind it is handled, the plain message was passed over
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!handled(mention.id()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(handled(mention.id()), "the mention was handled");
        assertFalse(handled(plain.id()), "a message that mentions no one outside a direct room writes nothing");
        awaitMail(s.aliEmail(), PATIENCE);
    }

    /** Who has a mail waiting about the room or ticket. */
    private List<UUID> pendingAbout(UUID contextId) throws SQLException {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("SELECT user_id FROM notify_pending WHERE context_id = ?")) {
            query.setObject(1, contextId);
            var users = new ArrayList<UUID>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    users.add(rows.getObject(1, UUID.class));
                }
            }
            return users;
        }
    }

    /** When the mail waiting for {@code userId} about the room or ticket is due, if one is. */
    private Optional<Instant> dueAt(UUID userId, UUID contextId) throws SQLException {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement(
                     "SELECT due_at FROM notify_pending WHERE user_id = ? AND context_id = ?")) {
            query.setObject(1, userId);
            query.setObject(2, contextId);
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getTimestamp(1).toInstant()) : Optional.empty();
            }
        }
    }

    /** Waits until no mail waits about the room or ticket any more: each was sent, dropped or taken back. */
    private void awaitNothingPendingAbout(UUID contextId) throws SQLException, InterruptedException {
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!pendingAbout(contextId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), pendingAbout(contextId), "still waiting after " + PATIENCE);
    }

    private boolean handled(UUID eventId) throws SQLException {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement(
                     "SELECT 1 FROM processed_event WHERE consumer = 'gateway-notify' AND event_id = ?")) {
            query.setObject(1, eventId);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Waits until the notifier has handled {@code event}: its dedupe row is committed, and with it whatever the event
     * changed, as well as everything before it about the same room or ticket. Only for events the notifier takes up
     * ({@link Notifier#concerns}); the others leave no row.
     */
    private void awaitHandled(EventEnvelope event) throws SQLException, InterruptedException {
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!handled(event.id()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(handled(event.id()), event.type() + " not handled within " + PATIENCE);
    }

    @Test
    void aDirectMessageIsMailedToTheOtherMember() throws Exception {
        var s = staff("direct");
        var room = UUID.randomUUID();
        var members = List.of(s.sara(), s.ali());
        ChatEvents.room(s.workspace().id(), room, "DIRECT", null, List.of(new Member(s.sara(), false),
                new Member(s.ali(), false)));
        ChatEvents.message(s.workspace().id(), room, 1, s.ali(), "Ali Staff", "are you there?", List.of(), members);

        var mail = awaitMail(s.saraEmail(), PATIENCE);
        var firstSeen = System.nanoTime();
        assertTrue(mail.getSubject().contains("Message from Ali Staff"), mail.getSubject());
        assertTrue(parts(mail).get("text/plain").contains("are you there?"));
        assertEquals(0, mailsTo(s.aliEmail()).size());

        // the next message about the room waits for the digest interval (4 s) after the first mail, not just the delay
        ChatEvents.message(s.workspace().id(), room, 2, s.ali(), "Ali Staff", "hello?", List.of(), members);
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        while (mailsTo(s.saraEmail()).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        var gap = Duration.ofNanos(System.nanoTime() - firstSeen);
        assertEquals(2, mailsTo(s.saraEmail()).size());
        assertTrue(gap.compareTo(Duration.ofMillis(3500)) >= 0, "the second mail came " + gap + " after the first");
    }

    @Test
    void aStaffReplyReachesAnOfflineCustomerButNeverANote() throws Exception {
        var s = staff("reply");
        var customerEmail = "reza@" + s.workspace().slug() + ".example";
        var customer = createUser(s.adminToken(), "Reza", customerEmail, "USER");
        var readerEmail = "mina@" + s.workspace().slug() + ".example";
        var reader = createUser(s.adminToken(), "Mina", readerEmail, "USER");
        var writerEmail = "omid@" + s.workspace().slug() + ".example";
        var writer = createUser(s.adminToken(), "Omid", writerEmail, "USER");
        var noteEmail = "neda@" + s.workspace().slug() + ".example";
        var noted = createUser(s.adminToken(), "Neda", noteEmail, "USER");
        var ws = s.workspace().id();

        // a note on Neda's ticket: never a mail, whatever happens after. The notifier passes a note over without a
        // trace, so what is waited for is a later change of the ticket that reads nothing past the note (seq 2)
        var notedTicket = UUID.randomUUID();
        ChatEvents.ticket("support-chat.ticket.created", ws, notedTicket, "TKT-4", "Secret", noted, 1, 1);
        ChatEvents.note(ws, notedTicket, 2, s.sara());
        var afterNote = ChatEvents.ticket("support-chat.ticket.updated", ws, notedTicket, "TKT-4", "Secret", noted, 1,
                1);
        // Mina reads the reply (the customer panel marks it read) before the delay: no mail
        var readTicket = UUID.randomUUID();
        ChatEvents.ticket("support-chat.ticket.created", ws, readTicket, "TKT-2", "Read it", reader, 1, 1);
        ChatEvents.ticketMessage(ws, readTicket, 2, "STAFF", s.sara(), "Sara", "here you go", reader);
        var readIt = ChatEvents.ticket("support-chat.ticket.updated", ws, readTicket, "TKT-2", "Read it", reader, 2,
                2);
        // Omid answers on the ticket: he is here, no mail
        var writtenTicket = UUID.randomUUID();
        ChatEvents.ticket("support-chat.ticket.created", ws, writtenTicket, "TKT-3", "Busy", writer, 1, 1);
        ChatEvents.ticketMessage(ws, writtenTicket, 2, "STAFF", s.sara(), "Sara", "a reply", writer);
        var answered = ChatEvents.ticketMessage(ws, writtenTicket, 3, "CUSTOMER", writer, "Omid", "thanks!", writer);
        // Reza is away: mailed
        var ticket = UUID.randomUUID();
        ChatEvents.ticket("support-chat.ticket.created", ws, ticket, "TKT-1", "Printer broken", customer, 1, 1);
        ChatEvents.ticketMessage(ws, ticket, 2, "STAFF", s.sara(), "Sara", "Please restart it", customer);

        var mail = awaitMail(customerEmail, PATIENCE);
        assertTrue(mail.getSubject().contains("New reply on TKT-1 Printer broken"), mail.getSubject());
        var text = parts(mail).get("text/plain");
        assertTrue(text.contains("Please restart it") && text.contains("http://goftgu.test/panel/support-chat/" + ticket),
                text);
        // the customer's mail has gone (its row with it); on each other ticket the last event is handled and nothing
        // waits, for the customer or for Sara: no mail can follow
        awaitNothingPendingAbout(ticket);
        awaitHandled(afterNote);
        awaitHandled(readIt);
        awaitHandled(answered);
        assertEquals(List.of(), pendingAbout(notedTicket), "an internal note");
        assertEquals(List.of(), pendingAbout(readTicket), "read before the delay");
        assertEquals(List.of(), pendingAbout(writtenTicket), "wrote on the ticket");
        assertEquals(0, mailsTo(readerEmail).size(), "read before the delay");
        assertEquals(0, mailsTo(writerEmail).size(), "wrote on the ticket");
        assertEquals(0, mailsTo(noteEmail).size(), "an internal note");
        assertEquals(0, mailsTo(s.saraEmail()).size(), "staff are not mailed about their own replies");
    }

    @Test
    void nobodyIsMailedWhoReadItMutedItTurnedItOffWasDeactivatedOrIsOfAnotherWorkspace() throws Exception {
        var s = staff("quiet");
        var ws = s.workspace().id();
        var extra = new HashMap<String, UUID>();
        for (var name : List.of("reader", "muted", "off", "gone", "control")) {
            extra.put(name, createUser(s.adminToken(), name, name + "@" + s.workspace().slug() + ".example", "ADMIN"));
        }
        var other = signUp("quiet-other");
        var stranger = createUser(adminToken(other), "Stranger", "stranger@" + other.slug() + ".example", "ADMIN");
        bearer(login(s.workspace().slug(), "off@" + s.workspace().slug() + ".example", PASSWORD).accessToken())
                .body(Map.of("mention", false, "direct", true, "ticketReply", true))
                .put("/api/me/notifications").then().statusCode(200).body("mention", equalTo(false));

        var room = UUID.randomUUID();
        var everyone = List.of(s.sara(), extra.get("reader"), extra.get("muted"), extra.get("off"), extra.get("gone"),
                extra.get("control"), stranger);
        ChatEvents.room(ws, room, "GROUP", "All hands", everyone.stream()
                .map(id -> new Member(id, id.equals(extra.get("muted")))).toList());
        awaitHandled(ChatEvents.message(ws, room, 1, s.sara(), "Sara", "@all heads up", everyone, everyone));
        // refused when the message came, not only when the mail fell due: nothing was queued for them
        var queued = pendingAbout(room);
        for (var refused : List.of(extra.get("muted"), extra.get("off"), stranger, s.sara())) {
            assertFalse(queued.contains(refused), queued + " holds " + refused);
        }
        // the reader's, the soon deactivated person's and the control's mails were queued: what follows is what
        // takes the first two back
        for (var name : List.of("reader", "gone", "control")) {
            assertTrue(queued.contains(extra.get(name)), queued + " lacks " + name);
        }
        var read = ChatEvents.read(ws, room, extra.get("reader"), 1, everyone);
        bearer(s.adminToken()).body(Map.of("active", false)).patch("/api/workspace/users/" + extra.get("gone"))
                .then().statusCode(200);
        awaitHandled(read);
        assertFalse(pendingAbout(room).contains(extra.get("reader")), "the read took the reader's mail back");

        // the scan sends the control's mail and drops the deactivated person's unsent (both were due at once); when
        // no row is left, nothing more can go
        awaitMail("control@" + s.workspace().slug() + ".example", PATIENCE);
        awaitNothingPendingAbout(room);
        for (var name : List.of("reader", "muted", "off", "gone")) {
            assertEquals(0, mailsTo(name + "@" + s.workspace().slug() + ".example").size(), name);
        }
        assertEquals(0, mailsTo("stranger@" + other.slug() + ".example").size(), "another workspace's user");
    }

    @Test
    void settingsAreValidatedAndOnlyStaffSetTheWorkspaceDelay() {
        var s = staff("settings");
        var sara = login(s.workspace().slug(), s.saraEmail(), PASSWORD).accessToken();
        bearer(sara).get("/api/me/notifications").then().statusCode(200)
                .body("mention", equalTo(true)).body("direct", equalTo(true)).body("ticketReply", equalTo(true));
        bearer(sara).body(Map.of("mention", false)).put("/api/me/notifications").then().statusCode(400);
        bearer(sara).body("{\"mention\": \"sometimes\", \"direct\": true, \"ticketReply\": true}")
                .put("/api/me/notifications").then().statusCode(400);
        bearer(sara).get("/api/me/notifications").then().statusCode(200).body("mention", equalTo(true));
        RestAssured.given().get("/api/me/notifications").then().statusCode(401);

        bearer(sara).get("/api/workspace/notifications").then().statusCode(200)
                .body("emailDelayMinutes", nullValue());
        bearer(sara).body(Map.of("emailDelayMinutes", 0)).put("/api/workspace/notifications").then().statusCode(400);
        bearer(sara).body(Map.of("emailDelayMinutes", 1441)).put("/api/workspace/notifications").then().statusCode(400);
        bearer(sara).body(Map.of("emailDelayMinutes", 15)).put("/api/workspace/notifications").then().statusCode(200)
                .body("emailDelayMinutes", equalTo(15));
        createUser(s.adminToken(), "Reza", "reza@" + s.workspace().slug() + ".example", "USER");
        var customerToken = login(s.workspace().slug(), "reza@" + s.workspace().slug() + ".example", PASSWORD)
                .accessToken();
        bearer(customerToken).body(Map.of("emailDelayMinutes", 1)).put("/api/workspace/notifications")
                .then().statusCode(403);
        bearer(customerToken).body(Map.of("mention", true, "direct", true, "ticketReply", false))
                .put("/api/me/notifications").then().statusCode(200).body("ticketReply", equalTo(false));
        // another workspace keeps its own (the default)
        var other = signUp("settings-other");
        bearer(adminToken(other)).get("/api/workspace/notifications").then().statusCode(200)
                .body("emailDelayMinutes", nullValue());
    }

    @Test
    void aWorkspaceDelayHoldsTheMailBack() throws Exception {
        var s = staff("delay");
        bearer(s.adminToken()).body(Map.of("emailDelayMinutes", 30)).put("/api/workspace/notifications")
                .then().statusCode(200);
        var room = UUID.randomUUID();
        var members = List.of(s.sara(), s.ali());
        ChatEvents.room(s.workspace().id(), room, "DIRECT", null, List.of(new Member(s.sara(), false),
                new Member(s.ali(), false)));
        awaitHandled(ChatEvents.message(s.workspace().id(), room, 1, s.ali(), "Ali Staff", "no rush", List.of(),
                members));
        // queued 30 minutes out, not the default 2 s (counted from when the notifier handled it, a moment ago)
        var due = dueAt(s.sara(), room).orElseThrow(() -> new AssertionError("no mail queued for Sara"));
        var wait = Duration.between(Instant.now(), due);
        assertTrue(wait.compareTo(Duration.ofMinutes(28)) > 0 && wait.compareTo(Duration.ofMinutes(30)) <= 0,
                "due in " + wait);
        // and a scan after it was queued leaves it waiting: the scan the scheduler runs every second, called here so
        // the test knows one ran (-1: the scheduled one held the turn just then; ask again)
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        var scanned = dueMails.sendDue() >= 0;
        while (!scanned && System.nanoTime() < deadline) {
            Thread.sleep(50);
            scanned = dueMails.sendDue() >= 0;
        }
        assertTrue(scanned, "no scan had the turn within " + PATIENCE);
        assertEquals(Optional.of(due), dueAt(s.sara(), room), "the held mail was sent or dropped");
        assertEquals(0, mailsTo(s.saraEmail()).size());
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(MailResource.server().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage awaitMail(String address, Duration timeout) throws InterruptedException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var mails = mailsTo(address);
            if (!mails.isEmpty()) {
                assertEquals(1, mails.size());
                return mails.getFirst();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + address + " within " + timeout);
    }

    /** The text parts of a mail by content type (text/plain, text/html). */
    private static Map<String, String> parts(Part part) throws MessagingException, IOException {
        var out = new HashMap<String, String>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                out.putAll(parts(child));
            }
        } else if (part.getContent() instanceof String text) {
            out.put(part.getContentType().split(";")[0].trim().toLowerCase(), text);
        }
        return out;
    }
}
