package io.goftgu.internalchat.attachments;

import io.goftgu.files.BlobStore;
import io.goftgu.internalchat.config.UploadConfig;
import io.goftgu.internalchat.domain.Attachment;
import io.goftgu.jobs.ReplicaLock;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes uploads that no message carried within {@code internal-chat.uploads.unsent-max-age} (a day by default),
 * bytes and row: an abandoned draft's files, or someone filling the store with files they never send. Every replica
 * schedules it; a PostgreSQL advisory lock lets one run at a time. Works in batches, so one round stays short.
 */
@ApplicationScoped
public class UnsentUploadPurge {

    /** The advisory lock key of this job ("ic-unsnt"). */
    static final long LOCK = 0x69632d756e736e74L;
    static final int BATCH = 500;

    private final ReplicaLock replicaLock;
    private final BlobStore blobs;
    private final UploadConfig config;

    UnsentUploadPurge(ReplicaLock replicaLock, BlobStore blobs, UploadConfig config) {
        this.replicaLock = replicaLock;
        this.blobs = blobs;
        this.config = config;
    }

    @Scheduled(every = "${internal-chat.uploads.purge-every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Purges one batch of uploads older than the configured age; returns how many, or -1 when another replica runs. */
    @Transactional
    public int purge() {
        return purgeOlderThan(config.unsentMaxAge());
    }

    @Transactional
    public int purgeOlderThan(Duration age) {
        if (!replicaLock.tryTake(LOCK)) {
            return -1;
        }
        List<Attachment> old = Attachment.find("messageId is null and createdAt < ?1", Instant.now().minus(age))
                .page(0, BATCH).list();
        for (var file : old) {
            blobs.delete(file.storageKey);
            file.delete();
        }
        if (!old.isEmpty()) {
            Log.infof("uploads: purged %d that no message carried within %s", old.size(), age);
        }
        return old.size();
    }
}
