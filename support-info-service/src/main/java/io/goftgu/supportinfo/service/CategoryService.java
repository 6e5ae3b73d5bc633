package io.goftgu.supportinfo.service;

import io.goftgu.events.Actor;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import io.goftgu.supportinfo.api.CategoryPatch;
import io.goftgu.supportinfo.api.ConfigViews.CategoryView;
import io.goftgu.supportinfo.api.ConfigViews.CreateCategory;
import io.goftgu.supportinfo.domain.Category;
import io.goftgu.supportinfo.domain.SupportRecord;
import io.goftgu.supportinfo.mapping.RecordMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The workspace's category tree. Names are unique among siblings (ignoring case); a category never becomes its
 * own ancestor; a category in use, or with sub-categories, is not deleted unless its records move elsewhere.
 */
@ApplicationScoped
public class CategoryService {

    private final RecordMapper mapper;
    private final RecordEvents events;

    CategoryService(RecordMapper mapper, RecordEvents events) {
        this.mapper = mapper;
        this.events = events;
    }

    @Transactional
    public List<CategoryView> list(CurrentUser me) {
        return Category.<Category>list("workspaceId = ?1 order by position, lower(name)", me.workspaceId()).stream()
                .map(CategoryService::view).toList();
    }

    @Transactional
    public CategoryView get(CurrentUser me, UUID id) {
        return view(require(me, id));
    }

    @Transactional
    public CategoryView create(CurrentUser me, CreateCategory in) {
        var workspaceId = me.workspaceId();
        if (in.parentId() != null && Category.count("id = ?1 and workspaceId = ?2", in.parentId(), workspaceId) == 0) {
            throw Problems.invalid("parentId", "is not a category of this workspace");
        }
        var name = in.name().strip();
        requireUniqueName(workspaceId, in.parentId(), name, null);
        var category = new Category();
        category.id = UUID.randomUUID();
        category.workspaceId = workspaceId;
        category.parentId = in.parentId();
        category.name = name;
        category.position = in.position() == null ? 0 : in.position();
        category.createdAt = RecordService.now();
        category.persist();
        return view(category);
    }

    @Transactional
    public CategoryView update(CurrentUser me, UUID id, CategoryPatch patch) {
        var category = require(me, id);
        var workspaceId = me.workspaceId();
        var parentId = patch.has("parentId") ? patch.parentId() : category.parentId;
        if (patch.has("parentId") && parentId != null) {
            if (Category.count("id = ?1 and workspaceId = ?2", parentId, workspaceId) == 0) {
                throw Problems.invalid("parentId", "is not a category of this workspace");
            }
            if (CategoryTree.of(workspaceId).subtree(id).contains(parentId)) {
                throw Problems.invalid("parentId", "would make the category its own ancestor");
            }
        }
        if (patch.has("name") && (patch.name() == null || patch.name().isBlank())) {
            throw Problems.invalid("name", "must not be blank");
        }
        if (patch.has("position") && patch.position() == null) {
            throw Problems.invalid("position", "must not be null");
        }
        var name = patch.has("name") ? patch.name().strip() : category.name;
        requireUniqueName(workspaceId, parentId, name, id);
        category.parentId = parentId;
        category.name = name;
        if (patch.has("position")) {
            category.position = patch.position();
        }
        return view(category);
    }

    /**
     * Deletes a category. Records in it → 409, unless {@code moveTo} names another category of the workspace: then
     * they move there first (each announced as updated). Sub-categories → 409: move or delete them first.
     */
    @Transactional
    public void delete(CurrentUser me, UUID id, UUID moveTo) {
        var category = require(me, id);
        var workspaceId = me.workspaceId();
        if (moveTo != null && (moveTo.equals(id)
                || Category.count("id = ?1 and workspaceId = ?2", moveTo, workspaceId) == 0)) {
            throw Problems.invalid("moveTo", "must be another category of this workspace");
        }
        if (Category.count("parentId = ?1 and workspaceId = ?2", id, workspaceId) > 0) {
            throw Problems.conflict("the category has sub-categories; move or delete them first");
        }
        List<SupportRecord> records = SupportRecord.list("workspaceId = ?1 and categoryId = ?2", workspaceId, id);
        if (!records.isEmpty() && moveTo == null) {
            throw Problems.conflict("the category is used by " + records.size()
                    + " records; delete with ?moveTo=<categoryId> to move them");
        }
        var now = RecordService.now();
        for (var record : records) {
            record.categoryId = moveTo;
            record.updatedAt = now;
        }
        // the records must leave the category before the category row goes
        SupportRecord.flush();
        for (var record : records) {
            events.updated(mapper.staff(record), workspaceId, Actor.user(me.id()));
        }
        category.delete();
    }

    private static Category require(CurrentUser me, UUID id) {
        Category category = Category.find("id = ?1 and workspaceId = ?2", id, me.workspaceId()).firstResult();
        if (category == null) {
            throw Problems.notFound("category " + id);
        }
        return category;
    }

    private static void requireUniqueName(UUID workspaceId, UUID parentId, String name, UUID self) {
        List<Category> siblings = parentId == null
                ? Category.list("workspaceId = ?1 and parentId is null", workspaceId)
                : Category.list("workspaceId = ?1 and parentId = ?2", workspaceId, parentId);
        if (siblings.stream().anyMatch(c -> !Objects.equals(c.id, self) && c.name.equalsIgnoreCase(name))) {
            throw Problems.conflict("a category named '" + name + "' already exists here");
        }
    }

    private static CategoryView view(Category c) {
        return new CategoryView(c.id, c.parentId, c.name, c.position);
    }
}
