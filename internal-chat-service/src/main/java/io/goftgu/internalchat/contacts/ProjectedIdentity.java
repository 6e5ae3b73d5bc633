package io.goftgu.internalchat.contacts;

import io.goftgu.security.IdentityDirectory;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * Tokens are (the contacts projection of identity.events) checked on every request against contact (platform/security {@code TokenRevocation}): a deactivated
 * user is 401 and a changed role counts at once, before the token expires (docs/security.md, "Revocation").
 */
@ApplicationScoped
public class ProjectedIdentity implements IdentityDirectory {

    private final IdentityDirectory directory;

    ProjectedIdentity(DataSource dataSource) {
        this.directory = IdentityDirectory.jdbc(dataSource,
                "SELECT workspace_id, role, active FROM contact WHERE id = ?");
    }

    @Override
    public Status status(UUID userId) {
        return directory.status(userId);
    }
}
