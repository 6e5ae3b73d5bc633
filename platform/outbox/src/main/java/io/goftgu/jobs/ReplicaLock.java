package io.goftgu.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * One replica at a time for scheduled work that every replica schedules (purges, sweeps): a PostgreSQL
 * transaction-level advisory lock. Call {@link #tryTake} inside the job's transaction; the lock is held until that
 * transaction ends, and a replica that does not get it skips the round. Each job names its own 64-bit key.
 */
@ApplicationScoped
public class ReplicaLock {

    private final DataSource dataSource;

    ReplicaLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when this replica now holds {@code key} until the current transaction ends. */
    public boolean tryTake(long key) {
        // inside a JTA transaction the pool hands out the transaction's own connection, so the lock is the caller's
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, key);
            try (var rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not ask for the advisory lock " + key, e);
        }
    }
}
