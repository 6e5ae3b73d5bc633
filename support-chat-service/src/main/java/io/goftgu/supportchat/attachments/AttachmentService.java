package io.goftgu.supportchat.attachments;

import io.goftgu.files.Download;
import io.goftgu.files.FileTypes;
import io.goftgu.files.Uploads;
import io.goftgu.problem.ProblemException;
import io.goftgu.problem.Problems;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.config.SupportChatConfig;
import io.goftgu.supportchat.domain.TicketAttachment;
import io.goftgu.supportchat.domain.TicketMessage;
import io.goftgu.supportchat.mapping.TicketViews;
import io.goftgu.supportchat.service.Caller;
import io.goftgu.supportchat.service.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * Uploads to a ticket by its requester or staff, stored in PostgreSQL (the checks every upload gets and the download
 * headers are platform/files' {@link Uploads} and {@link Download}). Checks in order: the ticket is visible (404),
 * size (413, 10 MiB), not empty (400), type by magic bytes (415). Downloads: staff, or the requester for files of
 * public messages and their own not-yet-sent uploads; an internal note's file is staff only.
 */
@ApplicationScoped
public class AttachmentService {

    /** The types issue 4 names for ticket attachments. */
    static final Set<String> ALLOWED = Set.of(FileTypes.JPEG, FileTypes.PNG, FileTypes.GIF, FileTypes.WEBP,
            FileTypes.PDF, FileTypes.TEXT, FileTypes.DOC, FileTypes.DOCX);

    private final TicketService tickets;
    private final SupportChatConfig config;

    AttachmentService(TicketService tickets, SupportChatConfig config) {
        this.tickets = tickets;
        this.config = config;
    }

    @Transactional
    public Views.AttachmentView upload(Caller me, UUID ticketId, FileUpload file) {
        if (ticketId == null) {
            throw Problems.invalid("ticketId", "is required");
        }
        var ticket = tickets.visible(me, ticketId, false);
        Uploads.requireSize(file, config.maxAttachmentSize());
        // a guest is anonymous: bound what one can store, and what anyone can leave unsent (purged after a day)
        long unsent = TicketAttachment.count("workspaceId = ?1 and uploaderId = ?2 and messageId is null",
                ticket.workspaceId, me.id());
        if (unsent >= config.unsentUploadsPerUser()) {
            throw Problems.tooManyRequests("you hold " + unsent + " uploads no message carries yet; send them first", 60);
        }
        if (me.role() == io.goftgu.security.Role.GUEST) {
            Long stored = TicketAttachment.getEntityManager().createQuery(
                            "select coalesce(sum(a.size), 0) from TicketAttachment a where a.workspaceId = ?1 and a.uploaderId = ?2",
                            Long.class).setParameter(1, ticket.workspaceId).setParameter(2, me.id()).getSingleResult();
            if (stored + file.size() > config.guestUploadQuota()) {
                throw Problems.tooLarge("a visitor may upload at most " + config.guestUploadQuota() + " bytes in all");
            }
        }
        var checked = Uploads.read(file, ALLOWED);
        var a = new TicketAttachment();
        a.id = UUID.randomUUID();
        a.workspaceId = ticket.workspaceId;
        a.ticketId = ticket.id;
        a.uploaderId = me.id();
        a.name = checked.name();
        a.size = checked.bytes().length;
        a.contentType = checked.contentType();
        a.data = checked.bytes();
        a.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        a.persist();
        return TicketViews.attachment(a);
    }

    @Transactional
    public Download download(Caller me, UUID id) {
        TicketAttachment a = id == null ? null : TicketAttachment.findById(id);
        if (a == null || !a.workspaceId.equals(me.workspaceId())) {
            throw Problems.notFound("attachment " + id);
        }
        try {
            tickets.visible(me, a.ticketId, false);
        } catch (ProblemException e) {
            throw Problems.notFound("attachment " + id);
        }
        if (!me.isStaff()) {
            TicketMessage message = a.messageId == null ? null : TicketMessage.findById(a.messageId);
            var visible = message == null ? a.uploaderId.equals(me.id()) : !message.internal && message.deletedAt == null;
            if (!visible) {
                throw Problems.notFound("attachment " + id);
            }
        }
        return new Download(a.name, a.contentType, a.data);
    }
}
