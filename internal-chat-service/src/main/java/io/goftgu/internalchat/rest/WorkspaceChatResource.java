package io.goftgu.internalchat.rest;

import io.goftgu.internalchat.api.ContactsView;
import io.goftgu.internalchat.api.ReadViews;
import io.goftgu.paging.Page;
import io.goftgu.internalchat.search.MessageSearch;
import io.goftgu.internalchat.service.ContactService;
import io.goftgu.internalchat.service.MessageService;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** Across my rooms: contacts, unread counts, search; staff only. */
@Path("/api/internal-chat")
@RolesAllowed(Role.STAFF)
public class WorkspaceChatResource {

    private final MessageService messages;
    private final MessageSearch search;
    private final ContactService contacts;
    private final CurrentUser me;

    WorkspaceChatResource(MessageService messages, MessageSearch search, ContactService contacts, CurrentUser me) {
        this.messages = messages;
        this.search = search;
        this.contacts = contacts;
        this.me = me;
    }

    @GET
    @Path("/unread")
    @Operation(summary = "My unread counts, in all and per room, with mentions")
    @APIResponse(responseCode = "200", description = "{total, mentions, rooms: [{roomId, count, mentionCount, "
            + "hasMention}]}")
    @APIResponse(responseCode = "403", description = "not staff")
    public ReadViews.Unread unread() {
        return messages.unread(me);
    }

    @GET
    @Path("/search")
    @Operation(summary = "Full-text search over the rooms I belong to",
            description = "Persian-aware: letters and digits of Persian and Arabic spellings match each other.")
    @APIResponse(responseCode = "200", description = "a page of hits with snippets")
    @APIResponse(responseCode = "400", description = "a blank or too long q, or page or limit out of range")
    @APIResponse(responseCode = "404", description = "roomId names a room that is not mine")
    public Page<ReadViews.SearchHit> search(@QueryParam("q") String q, @QueryParam("roomId") UUID roomId,
                                                       @QueryParam("page") Integer page, @QueryParam("limit") Integer limit) {
        return search.search(me, q, roomId, page, limit);
    }

    /** The workspace's active staff (not me) and teams, with presence, my rooms with each, and unread counts. */
    @GET
    @Path("/contacts")
    @Operation(summary = "The workspace's staff and teams, with presence, my rooms with each, and unread counts")
    @APIResponse(responseCode = "200", description = "{users, teams}")
    @APIResponse(responseCode = "403", description = "not staff")
    public ContactsView contacts(@QueryParam("search") String search) {
        return contacts.contacts(me, search);
    }
}
