package io.goftgu.supportchat.attachments;

import io.goftgu.supportchat.config.SupportChatConfig;
import io.goftgu.jobs.ReplicaLock;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Deletes ticket uploads no message carried within {@code unsent-upload-max-age} (a day): an abandoned draft's
 * files, or a visitor filling the database with files they never send. One replica at a time (advisory lock).
 */
@ApplicationScoped
public class UnsentUploadPurge {

    /** The advisory lock key of this job ("sc-unsnt"). */
    static final long LOCK = 0x73632d756e736e74L;

    private final EntityManager entityManager;
    private final ReplicaLock replicaLock;
    private final SupportChatConfig config;

    UnsentUploadPurge(EntityManager entityManager, ReplicaLock replicaLock, SupportChatConfig config) {
        this.entityManager = entityManager;
        this.replicaLock = replicaLock;
        this.config = config;
    }

    @Scheduled(every = "${goftgu.support-chat.unsent-upload-purge-every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Returns how many uploads were deleted, or -1 when another replica holds the lock. */
    @Transactional
    public int purge() {
        if (!replicaLock.tryTake(LOCK)) {
            return -1;
        }
        int purged = entityManager.createNativeQuery(
                        "DELETE FROM ticket_attachment WHERE message_id IS NULL AND created_at < ?1")
                .setParameter(1, Instant.now().minus(config.unsentUploadMaxAge())).executeUpdate();
        if (purged > 0) {
            Log.infof("uploads: purged %d that no message carried", purged);
        }
        return purged;
    }
}
