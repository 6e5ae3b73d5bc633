package io.goftgu.supportinfo.service;

import io.goftgu.supportinfo.domain.Category;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A workspace's categories as a tree, loaded at once (workspaces have tens of categories, not thousands). */
public final class CategoryTree {

    private final Map<UUID, Category> byId = new HashMap<>();
    private final Map<UUID, List<UUID>> children = new HashMap<>();

    private CategoryTree(List<Category> categories) {
        for (var c : categories) {
            byId.put(c.id, c);
            if (c.parentId != null) {
                children.computeIfAbsent(c.parentId, k -> new java.util.ArrayList<>()).add(c.id);
            }
        }
    }

    public static CategoryTree of(UUID workspaceId) {
        return new CategoryTree(Category.list("workspaceId", workspaceId));
    }

    public boolean contains(UUID id) {
        return byId.containsKey(id);
    }

    public boolean hasChildren(UUID id) {
        return children.containsKey(id);
    }

    /** {@code id} and every category below it. */
    public Set<UUID> subtree(UUID id) {
        var found = new LinkedHashSet<UUID>();
        var todo = new ArrayDeque<UUID>();
        todo.add(id);
        while (!todo.isEmpty()) {
            var next = todo.poll();
            if (found.add(next)) {
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return found;
    }
}
