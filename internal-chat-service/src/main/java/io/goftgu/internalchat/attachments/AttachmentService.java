package io.goftgu.internalchat.attachments;

import io.goftgu.files.BlobStore;
import io.goftgu.files.Download;
import io.goftgu.files.FileTypes;
import io.goftgu.files.Uploads;

import io.goftgu.internalchat.api.AttachmentView;
import io.goftgu.internalchat.config.UploadConfig;
import io.goftgu.internalchat.domain.Attachment;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.internalchat.mapping.MessageViews;
import io.goftgu.internalchat.service.RoomAccess;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * Uploads and downloads (the checks every upload gets and the download headers are platform/files'
 * {@link Uploads} and {@link Download}). An upload names a room, or none: the composer may upload before the user sends. With a
 * room the checks are, in order: membership (404), room state (409), room settings (403), size against the room's
 * {@code maxFileSize} (413), type by magic bytes against the allowlist (415). Without one, the upload belongs to its
 * uploader alone ({@code internal-chat.uploads.unsent-max-size}, at most {@code unsent-per-user} at once, else 429)
 * until a message of theirs carries it ({@code MessageService}), which checks the room's settings then. Nothing is
 * stored unless all pass. Uploads no message carried are purged after a day ({@link UnsentUploadPurge}).
 */
@ApplicationScoped
public class AttachmentService {

    /** What a room accepts (a room setting may turn attachments off altogether). */
    static final Set<String> ALLOWED = Set.of(FileTypes.JPEG, FileTypes.PNG, FileTypes.GIF, FileTypes.WEBP,
            FileTypes.PDF, FileTypes.TEXT, FileTypes.DOC, FileTypes.DOCX, FileTypes.XLSX, FileTypes.ZIP);

    private final RoomAccess access;
    private final BlobStore blobs;
    private final UploadConfig config;

    AttachmentService(RoomAccess access, BlobStore blobs, UploadConfig config) {
        this.access = access;
        this.blobs = blobs;
        this.config = config;
    }

    /** {@code roomId} null: an upload of the caller's own, not yet in any room. */
    @Transactional
    public AttachmentView upload(CurrentUser me, UUID roomId, FileUpload file) {
        Room room = null;
        long limit;
        if (roomId != null) {
            var membership = access.require(me, roomId);
            room = membership.room();
            RoomAccess.requireWritable(room);
            if (!room.allowAttachments) {
                throw Problems.forbidden("attachments are turned off in this room");
            }
            RoomAccess.requireMayPost(room, membership.member(), Instant.now());
            limit = room.maxFileSize;
        } else {
            access.requireActive(me);
            limit = config.unsentMaxSize();
            long unsent = Attachment.count("workspaceId = ?1 and uploaderId = ?2 and messageId is null and roomId is null",
                    me.workspaceId(), me.id());
            if (unsent >= config.unsentPerUser()) {
                throw Problems.tooManyRequests("you hold " + unsent + " uploads no message carries yet; send or "
                        + "wait for them to expire before uploading more");
            }
        }
        Uploads.requireSize(file, limit);
        var checked = Uploads.read(file, ALLOWED);
        var attachment = new Attachment();
        attachment.id = UUID.randomUUID();
        attachment.workspaceId = me.workspaceId();
        attachment.roomId = room == null ? null : room.id;
        attachment.uploaderId = me.id();
        attachment.name = checked.name();
        attachment.size = checked.bytes().length;
        attachment.contentType = checked.contentType();
        var dims = checked.dimensions();
        if (dims != null) {
            attachment.width = dims[0];
            attachment.height = dims[1];
        }
        // generated: a client's file name never becomes a storage path
        attachment.storageKey = me.workspaceId() + "/" + (room == null ? "unsent" : room.id) + "/" + UUID.randomUUID();
        attachment.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        blobs.put(attachment.storageKey, checked.bytes());
        attachment.persist();
        return MessageViews.attachment(attachment);
    }

    /** Room files: the room's members; an upload not yet in a room: its uploader only. Anything else is 404. */
    @Transactional
    public Download download(CurrentUser me, UUID attachmentId) {
        Attachment attachment = attachmentId == null ? null : Attachment.findById(attachmentId);
        if (attachment == null || !attachment.workspaceId.equals(me.workspaceId())) {
            throw Problems.notFound("attachment " + attachmentId);
        }
        try {
            if (attachment.roomId == null) {
                access.requireActive(me);
                if (!attachment.uploaderId.equals(me.id())) {
                    throw Problems.notFound("attachment " + attachmentId);
                }
            } else {
                access.require(me, attachment.roomId);
            }
        } catch (io.goftgu.problem.ProblemException e) {
            throw Problems.notFound("attachment " + attachmentId);
        }
        var bytes = blobs.get(attachment.storageKey);
        if (bytes == null) {
            throw Problems.notFound("attachment " + attachmentId);
        }
        return new Download(attachment.name, attachment.contentType, bytes);
    }
}
