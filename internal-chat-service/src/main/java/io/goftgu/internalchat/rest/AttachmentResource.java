package io.goftgu.internalchat.rest;

import io.goftgu.files.FileNames;

import io.goftgu.internalchat.attachments.AttachmentService;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.UUID;

/** Files of rooms: upload (multipart {@code file} + {@code roomId}) and download by room members; staff only. */
@Path("/api/internal-chat/attachments")
@RolesAllowed(Role.STAFF)
public class AttachmentResource {

    private final AttachmentService attachments;
    private final CurrentUser me;

    AttachmentResource(AttachmentService attachments, CurrentUser me) {
        this.attachments = attachments;
        this.me = me;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("roomId") String roomId) {
        if (file == null) {
            throw Problems.invalid("file", "is required");
        }
        UUID room;
        try {
            room = UUID.fromString(roomId == null ? "" : roomId.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("roomId", "must be a room id");
        }
        return Response.status(201).entity(attachments.upload(me, room, file.fileName(), file.uploadedFile(), file.size()))
                .build();
    }

    @GET
    @Path("/{id}")
    public Response download(@PathParam("id") UUID id) {
        var file = attachments.download(me, id);
        return Response.ok(file.bytes())
                .type(file.contentType())
                .header("Content-Disposition", FileNames.contentDisposition(file.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
