package io.goftgu.supportchat.service;

import io.goftgu.problem.Problems;
import io.goftgu.supportchat.api.CategoryPatch;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views.CategoryView;
import io.goftgu.supportchat.domain.Category;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static io.goftgu.supportchat.service.WorkspaceRows.own;

/** A workspace's ticket categories: a tree, names unique among siblings. */
@ApplicationScoped
public class CategoryService {

    @Transactional
    public List<CategoryView> list(UUID workspaceId) {
        return Category.<Category>list("workspaceId = ?1 order by position, name", workspaceId).stream()
                .map(c -> new CategoryView(c.id, c.parentId, c.name, c.position)).toList();
    }

    @Transactional
    public CategoryView save(UUID workspaceId, UUID id, Requests.CategoryBody body) {
        Category c = id == null ? new Category() : own(Category.findById(id), workspaceId, "category");
        if (body.parentId() != null) {
            Category parent = own(Category.findById(body.parentId()), workspaceId, "parent");
            for (var p = parent; p != null; p = p.parentId == null ? null : Category.findById(p.parentId)) {
                if (p.id.equals(c.id)) {
                    throw Problems.invalid("parentId", "would make the category its own ancestor");
                }
            }
        }
        var name = body.name().strip();
        if (Category.<Category>list("workspaceId", workspaceId).stream().anyMatch(x -> !x.id.equals(c.id)
                && Objects.equals(x.parentId, body.parentId()) && x.name.equalsIgnoreCase(name))) {
            throw Problems.conflict("a category named " + name + " exists at that place");
        }
        if (id == null) {
            c.id = UUID.randomUUID();
            c.workspaceId = workspaceId;
            c.createdAt = Instant.now();
        }
        c.name = body.name().strip();
        c.parentId = body.parentId();
        c.position = body.position() == null ? c.position : body.position();
        c.persist();
        return new CategoryView(c.id, c.parentId, c.name, c.position);
    }

    /** A partial update: what the patch leaves out keeps its value, then the same checks as a new category. */
    @Transactional
    public CategoryView update(UUID workspaceId, UUID id, CategoryPatch patch) {
        Category c = own(Category.findById(id), workspaceId, "category");
        if (patch.has("name") && (patch.name() == null || patch.name().isBlank())) {
            throw Problems.invalid("name", "must not be blank");
        }
        return save(workspaceId, id, new Requests.CategoryBody(patch.has("name") ? patch.name() : c.name,
                patch.has("parentId") ? patch.parentId() : c.parentId,
                patch.has("position") ? patch.position() : c.position));
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id) {
        Category c = own(Category.findById(id), workspaceId, "category");
        if (Category.count("parentId", c.id) > 0) {
            throw Problems.conflict("the category has sub-categories; move or delete them first");
        }
        c.delete();
    }
}
