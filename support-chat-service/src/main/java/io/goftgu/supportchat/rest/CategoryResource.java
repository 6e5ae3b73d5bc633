package io.goftgu.supportchat.rest;

import io.goftgu.supportchat.domain.Category;
import io.goftgu.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;
import java.util.UUID;

/** The workspace's support chat categories (a tree: {@code parentId} null at the top). */
@Path("/api/support-chat/categories")
public class CategoryResource {

    public record CategoryView(UUID id, UUID parentId, String name, int position) {
    }

    private final CurrentUser me;

    CategoryResource(CurrentUser me) {
        this.me = me;
    }

    @GET
    @RolesAllowed({"ADMIN", "USER", "GUEST"})
    @Transactional
    public List<CategoryView> list() {
        return Category.<Category>list("workspaceId = ?1 order by position, name", me.workspaceId()).stream()
                .map(c -> new CategoryView(c.id, c.parentId, c.name, c.position)).toList();
    }
}
