package io.goftgu.security;

import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * An {@link IdentityDirectory} read from a service's own projection of {@code identity.events}: the table named by
 * {@link #TABLE_SETTING}, with the columns {@code id}, {@code workspace_id}, {@code role} and {@code active}. The
 * migration db/security/R__goftgu_identity_changed.sql puts the trigger that announces its changes on the same
 * table, so what was read can be kept until the row changes ({@link IdentityCache}). A service extends it as a
 * {@code @Singleton} bean (a normal-scoped bean would need a no-args constructor here), and every request's token is
 * checked against it ({@link TokenRevocation}).
 */
public abstract class ProjectedIdentityDirectory implements IdentityDirectory {

    /** The service's setting that names the table: the Flyway placeholder of the trigger's migration. */
    public static final String TABLE_SETTING = "quarkus.flyway.placeholders.identity_table";

    private final IdentityDirectory directory;
    /** Null where statuses are read on every check. */
    private final IdentityCache cache;

    /**
     * @param keep whether a status is kept until its row changes: where the table is a projection fed by Kafka, a
     *             change reaches it some milliseconds after it was made anyway, and the notification adds a
     *             millisecond or two; where the table is the one changes are written to (the gateway's), an admin's
     *             change must count for the very next request, so it is read every time
     */
    protected ProjectedIdentityDirectory(DataSource dataSource, boolean keep) {
        var table = ConfigProvider.getConfig().getValue(TABLE_SETTING, String.class);
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.directory = IdentityDirectory.jdbc(dataSource, "SELECT workspace_id, role, active FROM " + table + " WHERE id = ?");
        this.cache = keep ? new IdentityCache(dataSource, table) : null;
    }

    @Override
    public Status status(UUID userId) {
        return cache == null ? directory.status(userId) : cache.read(userId, directory::status);
    }

    @Override
    public Known known(UUID userId) {
        return cache == null ? null : cache.known(userId);
    }

    /** Whether statuses are kept now, that is the connection that hears of changes is listening (for tests). */
    public boolean keepsStatuses() {
        return cache != null && cache.listening();
    }

    /** Called on shutdown ({@link TokenRevocation}), before the datasource closes. */
    void stopListening() {
        if (cache != null) {
            cache.close();
        }
    }
}
