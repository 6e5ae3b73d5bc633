package io.goftgu.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** {@code POST /api/workspace/teams}. */
public record NewTeam(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 500) List<@NotNull UUID> memberIds) {
}
