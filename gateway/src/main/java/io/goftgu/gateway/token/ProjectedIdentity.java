package io.goftgu.gateway.token;

import io.goftgu.security.ProjectedIdentityDirectory;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/**
 * Tokens are checked on every request against workspace_user (platform/security {@code TokenRevocation}): a deactivated
 * user is 401 and a changed role counts at once, before the token expires (docs/security.md, "Revocation"). This is
 * the table an admin's changes are written to, so it is read on every check, never kept between changes: the very
 * next request after the admin's answer must see the change.
 */
@Singleton
public class ProjectedIdentity extends ProjectedIdentityDirectory {

    ProjectedIdentity(DataSource dataSource) {
        super(dataSource, false);
    }
}
