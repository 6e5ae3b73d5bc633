package io.goftgu.gateway.api;

import io.goftgu.gateway.domain.UserRole;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/workspace/users/{id}}: only the fields present change. */
public record UserChange(
        @Size(max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        UserRole role,
        Boolean active) {
}
