package io.goftgu.internalchat.rest;

import io.goftgu.internalchat.api.ContactsView;
import io.goftgu.internalchat.api.ReadViews;
import io.goftgu.internalchat.search.MessageSearch;
import io.goftgu.internalchat.service.ContactService;
import io.goftgu.internalchat.service.MessageService;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

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
    public ReadViews.Unread unread() {
        return messages.unread(me);
    }

    @GET
    @Path("/search")
    public ReadViews.Page<ReadViews.SearchHit> search(@QueryParam("q") String q, @QueryParam("roomId") UUID roomId,
                                                       @QueryParam("page") Integer page, @QueryParam("limit") Integer limit) {
        return search.search(me, q, roomId, page, limit);
    }

    /** The workspace's active staff (not me) and teams, with presence, my rooms with each, and unread counts. */
    @GET
    @Path("/contacts")
    public ContactsView contacts(@QueryParam("search") String search) {
        return contacts.contacts(me, search);
    }
}
