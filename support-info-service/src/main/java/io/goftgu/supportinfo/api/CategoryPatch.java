package io.goftgu.supportinfo.api;

import jakarta.validation.constraints.Size;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** {@code PATCH /api/support-info/categories/{id}}: absent fields stay; {@code parentId: null} moves it to the top. */
public class CategoryPatch {

    private final Set<String> present = new HashSet<>();
    @Size(min = 1, max = 200, message = "must be 1 to {max} characters")
    private String name;
    private UUID parentId;
    private Integer position;

    public boolean has(String field) {
        return present.contains(field);
    }

    public String name() { return name; }
    public UUID parentId() { return parentId; }
    public Integer position() { return position; }

    public void setName(String v) { name = v; present.add("name"); }
    public void setParentId(UUID v) { parentId = v; present.add("parentId"); }
    public void setPosition(Integer v) { position = v; present.add("position"); }
}
