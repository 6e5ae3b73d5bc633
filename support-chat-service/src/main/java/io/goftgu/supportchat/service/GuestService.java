package io.goftgu.supportchat.service;

import io.goftgu.events.Actor;
import io.goftgu.problem.Problems;
import io.goftgu.security.Role;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.domain.Guest;
import io.goftgu.supportchat.domain.WorkspaceSettings;
import io.goftgu.supportchat.mapping.TicketViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The guest side of the public widget, called by the gateway only (internal API): find or create the guest (a
 * returning guest brings the id from its verified guest token; a verified {@code externalId} finds the same guest on
 * another device), check identity verification, record the visit, open the ticket with the first message.
 */
@ApplicationScoped
public class GuestService {

    public record Started(Views.GuestView guest, Views.TicketView ticket) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TicketService tickets;
    private final ConversationService conversation;
    private final TicketAssignment assignment;
    private final GuestMerge merges;

    GuestService(TicketService tickets, ConversationService conversation, TicketAssignment assignment, GuestMerge merges) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.assignment = assignment;
        this.merges = merges;
    }

    @Transactional
    public Started start(Requests.GuestStart body) {
        var settings = settings(body.workspaceId());
        var verified = false;
        if (body.externalId() != null && !body.externalId().isBlank()) {
            if (body.identifierHash() == null || !MessageDigest.isEqual(
                    hmac(settings.widgetSecret, body.externalId()).getBytes(StandardCharsets.US_ASCII),
                    body.identifierHash().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
                throw Problems.forbidden("identity verification failed: identifierHash does not match externalId");
            }
            verified = true;
        }
        if (settings.enforceVerification && !verified) {
            throw Problems.forbidden("this workspace accepts only verified visitors (externalId and identifierHash)");
        }
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Guest guest = null;
        if (body.guestId() != null) {
            Guest known = Guest.findById(body.guestId());
            guest = known != null && known.workspaceId.equals(body.workspaceId()) ? known : null;
        }
        if (guest == null && verified) {
            guest = Guest.find("workspaceId = ?1 and externalId = ?2 and verified = true", body.workspaceId(),
                    body.externalId()).firstResult();
        }
        if (guest != null && guest.blockedAt != null) {
            throw Problems.forbidden("this visitor is blocked");
        }
        if (guest == null) {
            guest = new Guest();
            guest.id = UUID.randomUUID();
            guest.workspaceId = body.workspaceId();
            guest.firstVisitAt = now;
            guest.lastVisitAt = now;
            guest.visitCount = 0;
        }
        guest.visitCount++;
        guest.lastVisitAt = now;
        if (verified) {
            guest.externalId = body.externalId();
            guest.verified = true;
        }
        guest.name = keep(guest.name, body.name());
        guest.email = keep(guest.email, body.email());
        guest.phone = keep(guest.phone, body.phone());
        if (body.userAgent() != null) {
            guest.userAgent = body.userAgent();
            guest.device = device(body.userAgent());
            guest.browser = browser(body.userAgent());
        }
        guest.referrer = keep(guest.referrer, body.referrer());
        guest.utmSource = keep(guest.utmSource, body.utmSource());
        guest.utmMedium = keep(guest.utmMedium, body.utmMedium());
        guest.utmCampaign = keep(guest.utmCampaign, body.utmCampaign());
        guest.utmTerm = keep(guest.utmTerm, body.utmTerm());
        guest.utmContent = keep(guest.utmContent, body.utmContent());
        guest.persist();
        // a verified visitor who is a customer: their earlier tickets join the customer's; the conversation opened now
        // stays the guest's, so the widget holding this guest's token keeps it (it follows at the next verified start)
        var customerId = verified ? merges.customerFor(body.workspaceId(), body.externalId()) : null;
        if (customerId != null) {
            merges.into(guest, customerId, Actor.SYSTEM);
        }
        var caller = new Caller(body.workspaceId(), guest.id, Role.GUEST);
        var ticket = tickets.open(caller, new Requests.NewTicket(body.subject(), body.message(), null,
                body.categoryId(), null, null));
        conversation.send(caller, ticket.id, new Requests.SendMessage(body.message(), UUID.randomUUID(), false, null, null));
        return new Started(TicketViews.guest(guest), tickets.get(caller, ticket.id));
    }

    /** A guest of the workspace, as staff see it; another workspace's guest is 404. */
    @Transactional
    public Views.GuestView view(UUID workspaceId, UUID id) {
        return TicketViews.guest(WorkspaceRows.own(Guest.findById(id), workspaceId, "guest"));
    }

    /** The workspace's settings, created with a fresh widget secret on first use. */
    public WorkspaceSettings settings(UUID workspaceId) {
        WorkspaceSettings settings = WorkspaceSettings.findById(workspaceId);
        if (settings == null) {
            settings = new WorkspaceSettings();
            settings.workspaceId = workspaceId;
            settings.widgetSecret = newSecret();
            settings.agentCapacity = assignment.defaultCapacity();
            settings.persist();
        }
        return settings;
    }

    public static String newSecret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Hex HMAC-SHA256(secret, externalId): what the customer's site computes on its server. */
    public static String hmac(String secret, String externalId) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(externalId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keep(String old, String given) {
        return given == null || given.isBlank() ? old : given.strip();
    }

    static String device(String ua) {
        var s = ua.toLowerCase(Locale.ROOT);
        if (s.contains("ipad") || s.contains("tablet")) {
            return "tablet";
        }
        if (s.contains("mobi") || s.contains("iphone") || s.contains("android")) {
            return "mobile";
        }
        if (s.contains("bot") || s.contains("crawler") || s.contains("spider")) {
            return "bot";
        }
        return "desktop";
    }

    static String browser(String ua) {
        if (ua.contains("Edg/")) {
            return "Edge";
        }
        if (ua.contains("OPR/") || ua.contains("Opera")) {
            return "Opera";
        }
        if (ua.contains("Firefox/")) {
            return "Firefox";
        }
        if (ua.contains("Chrome/") || ua.contains("CriOS/")) {
            return "Chrome";
        }
        if (ua.contains("Safari/")) {
            return "Safari";
        }
        return "other";
    }
}
