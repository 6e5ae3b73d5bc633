package io.goftgu.security;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * An {@link IdentityDirectory} read from a service's own projection of {@code identity.events}: a table with the
 * columns {@code id}, {@code workspace_id}, {@code role} and {@code active}. A service extends it as a
 * {@code @Singleton} bean naming its table (a normal-scoped bean would need a no-args constructor here), and every
 * request's token is checked against that table ({@link TokenRevocation}).
 */
public abstract class ProjectedIdentityDirectory implements IdentityDirectory {

    private final IdentityDirectory directory;

    protected ProjectedIdentityDirectory(DataSource dataSource, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.directory = IdentityDirectory.jdbc(dataSource, "SELECT workspace_id, role, active FROM " + table + " WHERE id = ?");
    }

    @Override
    public Status status(UUID userId) {
        return directory.status(userId);
    }
}
