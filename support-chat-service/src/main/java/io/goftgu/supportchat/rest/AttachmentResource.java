package io.goftgu.supportchat.rest;

import io.goftgu.files.Uploads;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.goftgu.supportchat.attachments.AttachmentService;
import io.goftgu.supportchat.service.Caller;
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

/** Ticket attachments: upload (multipart {@code file} + {@code ticketId}) and download. */
@Path("/api/support-chat/attachments")
@RolesAllowed({Role.STAFF, Role.CUSTOMER, Role.VISITOR})
public class AttachmentResource {

    private final AttachmentService attachments;
    private final CurrentUser me;

    AttachmentResource(AttachmentService attachments, CurrentUser me) {
        this.attachments = attachments;
        this.me = me;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a file to a ticket",
            description = "Multipart file and ticketId; the type is decided by the bytes. It is attached by naming "
            + "it in a message's attachmentIds.")
    @APIResponse(responseCode = "201", description = "{id, name, size, contentType}")
    @APIResponse(responseCode = "400", description = "no file, an empty file, or no ticketId")
    @APIResponse(responseCode = "404", description = "missing, another workspace's, or not the caller's ticket")
    @APIResponse(responseCode = "413", description = "too large, or a visitor's upload allowance is spent")
    @APIResponse(responseCode = "415", description = "a type not on the allowlist")
    @APIResponse(responseCode = "429", description = "too many uploads no message carries yet")
    public Response upload(@RestForm("file") FileUpload file, @RestForm("ticketId") String ticketId) {
        var upload = Uploads.require(file);
        var view = attachments.upload(Caller.of(me), Uploads.optionalId("ticketId", ticketId), upload);
        return Response.status(201).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Download a file",
            description = "Only who may see the message that carries it (an internal note's files: staff).")
    @APIResponse(responseCode = "200", description = "the bytes, as an attachment, with nosniff and a sandbox CSP")
    @APIResponse(responseCode = "404", description = "missing, another workspace's, or not visible to the caller")
    public Response download(@PathParam("id") UUID id) {
        return attachments.download(Caller.of(me), id).response();
    }
}
