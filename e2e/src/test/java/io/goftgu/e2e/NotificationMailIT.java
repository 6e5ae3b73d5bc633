package io.goftgu.e2e;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.goftgu.e2e.Gateway.awaitContact;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.newUser;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notification e-mail across the real services (docs/subsystems/notifications.md): internal chat's and support
 * chat's own events reach the gateway's notifier over Kafka, and mails reach an SMTP server (GreenMail) started by
 * this JVM; the stack waits 3 s before mailing an unread message. A direct message left unread is mailed to its
 * recipient; a staff reply the customer has not read is mailed to the customer, and the internal note written beside
 * it appears in no mail. Needs the stack this JVM starts (a kept {@code -De2e.home} stack mails elsewhere).
 */
class NotificationMailIT {

    static LocalStack stack;

    @BeforeAll
    static void start() throws IOException {
        stack = LocalStack.shared();
    }

    @Test
    void unreadDirectMessagesAndStaffRepliesAreMailedAndNotesNever() throws Exception {
        var slug = "e2e-mail-" + UUID.randomUUID().toString().substring(0, 8);
        var aliceEmail = "alice@" + slug + ".test";
        signUp(slug, "Alice", aliceEmail);
        var alice = login(slug, aliceEmail);
        var bobEmail = "bob@" + slug + ".test";
        var bob = newUser(alice, slug, "Bob", bobEmail, "ADMIN");
        var rezaEmail = "reza@" + slug + ".test";
        var reza = newUser(alice, slug, "Reza", rezaEmail, "USER");

        awaitContact(alice, bob.userId());
        var room = call("POST", "/api/internal-chat/rooms?type=direct", alice.token(), Map.of("userId", bob.userId()), 201)
                .path("id").asText();
        call("POST", "/api/internal-chat/messages", alice.token(),
                Map.of("roomId", room, "body", "Bob, are you free at three?", "clientMessageId", UUID.randomUUID()), 201);
        var dm = awaitMail(bobEmail);
        assertTrue(dm.getSubject().contains("Message from Alice"), dm.getSubject());
        assertTrue(dm.getHeader("List-Unsubscribe")[0].contains("/api/notifications/unsubscribe?token="));

        var ticket = call("POST", "/api/support-chat", reza.token(), Map.of("subject", "Invoice missing"), 201)
                .path("id").asText();
        call("POST", "/api/support-chat/" + ticket + "/messages", alice.token(),
                Map.of("body", "secret-note-about-reza", "clientMessageId", UUID.randomUUID(), "internal", true), 201);
        call("POST", "/api/support-chat/" + ticket + "/messages", alice.token(),
                Map.of("body", "We found your invoice", "clientMessageId", UUID.randomUUID()), 201);
        var reply = awaitMail(rezaEmail);
        assertTrue(reply.getSubject().contains("New reply on"), reply.getSubject());
        var text = text(reply);
        assertTrue(text.contains("We found your invoice"), text);
        assertFalse(text.contains("secret-note-about-reza"), "an internal note reached a customer's mail");

        Thread.sleep(Duration.ofSeconds(6).toMillis());
        assertEquals(1, mailsTo(rezaEmail).size());
        assertEquals(0, mailsTo(aliceEmail).size(), "the sender is never mailed about her own messages");
    }

    /** Every text part of a mail, decoded. */
    private static String text(Part part) throws IOException, MessagingException {
        if (part.getContent() instanceof Multipart multipart) {
            var all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return part.getContent() instanceof String s ? s : "";
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(stack.mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private MimeMessage awaitMail(String address) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var mails = mailsTo(address);
            if (!mails.isEmpty()) {
                return mails.getFirst();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no mail to " + address + " within a minute");
    }
}
