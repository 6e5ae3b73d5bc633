package io.goftgu.supportchat.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.HashSet;
import java.util.Set;

/** {@code PATCH /api/support-chat/labels/{id}}: an absent field stays as it is (a label's name and colour cannot be cleared). */
public class LabelPatch {

    private final Set<String> present = new HashSet<>();
    @Size(max = 100, message = "must be at most 100 characters")
    private String name;
    @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1e88e5")
    private String color;

    public boolean has(String field) {
        return present.contains(field);
    }

    public String name() { return name; }
    public String color() { return color; }

    public void setName(String v) { name = v; present.add("name"); }
    public void setColor(String v) { color = v; present.add("color"); }
}
