package io.goftgu.supportchat.listener;

import io.goftgu.security.ProjectedIdentityDirectory;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/**
 * Tokens are checked on every request against workspace_user, this service's projection of identity.events
 * (platform/security {@code TokenRevocation}): a deactivated user is 401 and a changed role counts at once, before
 * the token expires (docs/security.md, "Revocation").
 */
@Singleton
public class ProjectedIdentity extends ProjectedIdentityDirectory {

    ProjectedIdentity(DataSource dataSource) {
        super(dataSource, true);
    }
}
