package io.goftgu.internalchat.service;

import io.goftgu.jobs.ReplicaLock;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Deletes messages older than their room's {@code retentionDays} (and their files). Every replica schedules it;
 * a PostgreSQL advisory lock lets one run at a time and the others skip that round.
 */
@ApplicationScoped
public class RetentionPurge {

    /** The advisory lock key of this job ("ic-purge"). */
    static final long LOCK = 0x69632d7075726765L;

    private final EntityManager entityManager;
    private final ReplicaLock replicaLock;

    RetentionPurge(EntityManager entityManager, ReplicaLock replicaLock) {
        this.entityManager = entityManager;
        this.replicaLock = replicaLock;
    }

    @Scheduled(every = "${internal-chat.retention.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Returns how many messages were purged, or -1 when another replica holds the lock. */
    @Transactional
    public int purge() {
        if (!replicaLock.tryTake(LOCK)) {
            return -1;
        }
        entityManager.createNativeQuery("""
                DELETE FROM blob b USING attachment a, message m, room r
                WHERE b.storage_key = a.storage_key AND a.message_id = m.id AND m.room_id = r.id
                  AND r.retention_days IS NOT NULL AND m.created_at < now() - make_interval(days => r.retention_days)""")
                .executeUpdate();
        entityManager.createNativeQuery("""
                DELETE FROM attachment a USING message m, room r
                WHERE a.message_id = m.id AND m.room_id = r.id
                  AND r.retention_days IS NOT NULL AND m.created_at < now() - make_interval(days => r.retention_days)""")
                .executeUpdate();
        int purged = entityManager.createNativeQuery("""
                DELETE FROM message m USING room r
                WHERE m.room_id = r.id AND r.retention_days IS NOT NULL
                  AND m.created_at < now() - make_interval(days => r.retention_days)""")
                .executeUpdate();
        if (purged > 0) {
            Log.infof("retention: purged %d messages", purged);
        }
        return purged;
    }
}
