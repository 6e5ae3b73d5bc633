package io.goftgu.supportchat.api;

import jakarta.validation.constraints.Size;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * {@code PATCH /api/support-chat/categories/{id}}: an absent field stays as it is; {@code parentId: null} moves the
 * category to the top. The same style as every PATCH body: fields remember whether they were sent.
 */
public class CategoryPatch {

    private final Set<String> present = new HashSet<>();
    @Size(max = 200, message = "must be at most 200 characters")
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
