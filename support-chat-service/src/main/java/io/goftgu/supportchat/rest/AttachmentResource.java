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
    public Response upload(@RestForm("file") FileUpload file, @RestForm("ticketId") String ticketId) {
        var upload = Uploads.require(file);
        var view = attachments.upload(Caller.of(me), Uploads.optionalId("ticketId", ticketId), upload);
        return Response.status(201).entity(view).build();
    }

    @GET
    @Path("/{id}")
    public Response download(@PathParam("id") UUID id) {
        return attachments.download(Caller.of(me), id).response();
    }
}
