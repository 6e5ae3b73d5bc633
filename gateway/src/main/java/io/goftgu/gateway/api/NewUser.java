package io.goftgu.gateway.api;

import io.goftgu.gateway.domain.UserRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/workspace/users}. */
public record NewUser(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(max = 256) String password,
        @NotNull UserRole role) {
}
