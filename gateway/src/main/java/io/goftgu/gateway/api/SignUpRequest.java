package io.goftgu.gateway.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/workspaces}: a new workspace and its first ADMIN. */
public record SignUpRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Size(min = 3, max = 63)
        @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
        @NotBlank @Size(max = 100) String ownerName,
        @NotBlank @Email @Size(max = 254) String ownerEmail,
        @NotNull @Size(max = 256) String ownerPassword) {
}
