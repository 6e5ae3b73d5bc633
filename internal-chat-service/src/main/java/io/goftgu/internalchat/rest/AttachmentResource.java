package io.goftgu.internalchat.rest;

import io.goftgu.files.Uploads;
import io.goftgu.internalchat.attachments.AttachmentService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.UUID;

/**
 * Files: upload (multipart {@code file}, optional {@code roomId}) and download by the room's members, or by the
 * uploader while no message carries it; staff only.
 */
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
    @Operation(summary = "Upload a file",
            description = "Multipart `file`, and optionally `roomId`. With a room: the room's members may download it "
                    + "and the room's settings apply now. Without one: it is the uploader's alone until a message of "
                    + "theirs names it in `attachmentIds` (which puts it in that message's room); an upload no "
                    + "message carries is deleted after a day.")
    @APIResponse(responseCode = "201", description = "stored: `{id, name, size, contentType, width?, height?}`")
    @APIResponse(responseCode = "400", description = "no file, an empty file, or a roomId that is not an id")
    @APIResponse(responseCode = "404", description = "the room is not one of mine")
    @APIResponse(responseCode = "413", description = "larger than the room's maxFileSize (or, without a room, 10 MiB)")
    @APIResponse(responseCode = "415", description = "a type not on the allowlist (decided by the bytes)")
    @APIResponse(responseCode = "429", description = "too many unsent uploads held at once")
    public Response upload(@RestForm("file") FileUpload file, @RestForm("roomId") String roomId) {
        var upload = Uploads.require(file);
        return Response.status(201).entity(attachments.upload(me, Uploads.optionalId("roomId", roomId), upload)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Download a file",
            description = "A room's file: its members. An upload no message carries yet: its uploader only.")
    @APIResponse(responseCode = "200", description = "the bytes, as an attachment, with nosniff and a sandbox CSP")
    @APIResponse(responseCode = "404", description = "missing, another workspace's, or not mine to see")
    public Response download(@PathParam("id") UUID id) {
        return attachments.download(me, id).response();
    }
}
