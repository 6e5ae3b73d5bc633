package io.goftgu.internalchat.attachments;

import io.goftgu.files.FileNames;
import io.goftgu.files.FileTypes;

import io.goftgu.internalchat.domain.Attachment;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.internalchat.mapping.MessageViews;
import io.goftgu.internalchat.rest.AttachmentView;
import io.goftgu.internalchat.service.RoomAccess;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * Uploads into a room and downloads by its members. Checks, in order: membership (404), room state (409),
 * room settings (403), size against the room's {@code maxFileSize} (413), type by magic bytes against the
 * allowlist (415). Nothing is stored unless all pass.
 */
@ApplicationScoped
public class AttachmentService {

    /** What a room accepts (a room setting may turn attachments off altogether). */
    static final Set<String> ALLOWED = Set.of(FileTypes.JPEG, FileTypes.PNG, FileTypes.GIF, FileTypes.WEBP,
            FileTypes.PDF, FileTypes.TEXT, FileTypes.DOC, FileTypes.DOCX, FileTypes.XLSX, FileTypes.ZIP);

    /** A file to download. */
    public record Download(String name, String contentType, byte[] bytes) {
    }

    private final RoomAccess access;
    private final BlobStore blobs;

    AttachmentService(RoomAccess access, BlobStore blobs) {
        this.access = access;
        this.blobs = blobs;
    }

    @Transactional
    public AttachmentView upload(CurrentUser me, UUID roomId, String fileName, Path file, long size) {
        var membership = access.require(me, roomId);
        Room room = membership.room();
        RoomAccess.requireWritable(room);
        if (!room.allowAttachments) {
            throw Problems.forbidden("attachments are turned off in this room");
        }
        RoomAccess.requireMayPost(room, membership.member(), Instant.now());
        if (size > room.maxFileSize) {
            throw Problems.tooLarge("the file is " + size + " bytes; this room allows at most " + room.maxFileSize);
        }
        if (size == 0) {
            throw Problems.invalid("file", "is empty");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var name = FileNames.safe(fileName);
        var type = FileTypes.detect(bytes);
        if (!ALLOWED.contains(type)) {
            throw Problems.unsupportedMediaType("files of type " + type + " are not accepted");
        }
        var attachment = new Attachment();
        attachment.id = UUID.randomUUID();
        attachment.workspaceId = room.workspaceId;
        attachment.roomId = room.id;
        attachment.uploaderId = me.id();
        attachment.name = name;
        attachment.size = bytes.length;
        attachment.contentType = type;
        var dims = FileTypes.dimensions(bytes, type);
        if (dims != null) {
            attachment.width = dims[0];
            attachment.height = dims[1];
        }
        // generated: a client's file name never becomes a storage path
        attachment.storageKey = room.workspaceId + "/" + room.id + "/" + UUID.randomUUID();
        attachment.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        blobs.put(attachment.storageKey, bytes);
        attachment.persist();
        return MessageViews.attachment(attachment);
    }

    @Transactional
    public Download download(CurrentUser me, UUID attachmentId) {
        Attachment attachment = attachmentId == null ? null : Attachment.findById(attachmentId);
        if (attachment == null || !attachment.workspaceId.equals(me.workspaceId())) {
            throw Problems.notFound("attachment " + attachmentId);
        }
        try {
            access.require(me, attachment.roomId);
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
