package io.goftgu.supportinfo.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Request and response bodies of the workspace configuration: categories, labels, settings. */
public final class ConfigViews {

    public static final String COLOR = "^#[0-9A-Fa-f]{6}$";

    private ConfigViews() {
    }

    public record CategoryView(UUID id, UUID parentId, String name, int position) {
    }

    public record CreateCategory(
            @NotBlank @Size(max = 200, message = "must be at most {max} characters") String name,
            UUID parentId,
            Integer position) {
    }

    public record LabelView(UUID id, String name, String color) {
    }

    public record CreateLabel(
            @NotBlank @Size(max = 100, message = "must be at most {max} characters") String name,
            @NotNull @Pattern(regexp = COLOR, message = "must be a colour like #1E88E5") String color) {
    }

    /** {@code PATCH /api/support-info/labels/{id}}: absent fields stay as they are. */
    public record UpdateLabel(
            @Size(min = 1, max = 100, message = "must be 1 to {max} characters") String name,
            @Pattern(regexp = COLOR, message = "must be a colour like #1E88E5") String color) {
    }

    /** {@code GET/PUT /api/support-info/settings}. */
    public record Settings(@NotNull Boolean recordResolvedTickets) {
    }
}
