package io.goftgu.gateway.token;

import io.goftgu.security.IdentityDirectory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import javax.sql.DataSource;

/**
 * Tokens are checked on every request against workspace_user (platform/security {@code TokenRevocation}): a deactivated
 * user is 401 and a changed role counts at once, before the token expires (docs/security.md, "Revocation").
 */
@ApplicationScoped
public class ProjectedIdentity implements IdentityDirectory {

    private final IdentityDirectory directory;

    ProjectedIdentity(DataSource dataSource) {
        this.directory = IdentityDirectory.jdbc(dataSource,
                "SELECT workspace_id, role, active FROM workspace_user WHERE id = ?");
    }

    @Override
    public Status status(UUID userId) {
        return directory.status(userId);
    }
}
